package dev.wasmguest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.internal.util.Sha256;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote cache against a real HTTP server with WebDAV PUT: {@code .ci/remote-cache.sh} starts nginx on loopback
 * and runs this class with {@code -Dwasmguest.it.remote=URL/} and {@code -Dwasmguest.it.remote.store=DIR} (the
 * directory nginx serves at that URL). Each "machine" is a JVM of its own with an empty cache directory, as a fresh CI runner.
 */
class RemoteCacheTest {

    private static final String KEY = "the fleet's secret";
    private static final String MANY_FUNCTIONS_OUTPUT = "3048397685";
    private static final String SEED_OUTPUT = "Received arguments: [remote]";

    @TempDir
    Path machines;

    private String server;
    private Path served;
    /** This test's remote cache: a folder of its own on the server, since tests run in parallel. */
    private String remote;

    private Path store;

    @BeforeEach
    void needsTheServer(TestInfo test) {
        server = System.getProperty("wasmguest.it.remote", "");
        assumeTrue(!server.isEmpty(), "-Dwasmguest.it.remote names a WebDAV server (.ci/remote-cache.sh)");
        served = Path.of(System.getProperty("wasmguest.it.remote.store"));
        String folder = test.getTestMethod().orElseThrow().getName();
        remote = server + "caches/" + folder + "/";
        store = served.resolve("caches").resolve(folder);
    }

    @Test
    void aSecondMachineLoadsTheModuleAndCompiledCodeTheFirstStored() throws Exception {
        String sha256 = publishAtTheOrigin("many-functions.wasm");

        String first = machine("first", true, KEY, originUrl("many-functions.wasm"), sha256);
        assertThat(first).contains(MANY_FUNCTIONS_OUTPUT, "translated to JVM bytecode in a JVM of its own");
        assertThat(store.resolve("modules/" + sha256)).exists();
        assertThat(storedCompiledCode()).hasSize(1);

        // The origin is gone: only the remote cache has the module
        String second = machine("second", false, KEY, "http://127.0.0.1:" + closedPort() + "/gone.wasm", sha256);

        assertThat(second)
                .contains(MANY_FUNCTIONS_OUTPUT)
                .contains("loaded from the remote cache")
                .contains("loaded its compiled code from the remote cache")
                .doesNotContain("translated to JVM bytecode");
    }

    @Test
    void aTamperedEntryOrOneOfAnotherKeyIsRefusedAndTheCodeTranslatedHere() throws Exception {
        String sha256 = publishAtTheOrigin("seed.wasm");
        machine("writer", true, KEY, originUrl("seed.wasm"), sha256);
        Path entry = storedCompiledCode().get(0);
        byte[] authentic = Files.readAllBytes(entry);

        byte[] tampered = authentic.clone();
        tampered[tampered.length / 2] ^= 0x01;
        Files.write(entry, tampered);
        String afterTampering = machine("tampered", false, KEY, originUrl("seed.wasm"), sha256);

        Files.write(entry, authentic);
        String otherKey = machine("other key", false, "another secret", originUrl("seed.wasm"), sha256);
        String noKey = machine("no key", false, null, originUrl("seed.wasm"), sha256);

        for (String output : List.of(afterTampering, otherKey)) {
            assertThat(output)
                    .contains(SEED_OUTPUT)
                    .contains("is not authentic (changed after it was stored, or stored with another"
                            + " wasmguest.cache.remote.key): refused, never loaded; translating here")
                    .contains("translated to JVM bytecode")
                    .doesNotContain("loaded its compiled code from the remote cache");
        }
        assertThat(noKey)
                .contains(
                        SEED_OUTPUT,
                        "compiled code is neither read nor written there without" + " wasmguest.cache.remote.key")
                .contains("translated to JVM bytecode");
        assertThat(Files.readAllBytes(entry)).as("readers never write").isEqualTo(authentic);
    }

    @Test
    void aRemoteThatIsDownOrSilentCostsOneTimeoutAndIsSaidOnce() throws Exception {
        String sha256 = publishAtTheOrigin("seed.wasm");
        String down =
                machine("down", true, KEY, originUrl("seed.wasm"), sha256, "http://127.0.0.1:" + closedPort() + "/");

        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // never answers
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String slow = machine(
                    "silent",
                    true,
                    KEY,
                    originUrl("seed.wasm"),
                    sha256,
                    "http://127.0.0.1:" + silent.getLocalPort() + "/");

            assertThat(slow).contains(SEED_OUTPUT).contains("took more than 1000 ms (wasmguest.cache.remote.timeout)");
            assertThat(count(slow, "this JVM goes on without it")).isOne();
        }
        assertThat(down).contains(SEED_OUTPUT);
        assertThat(count(down, "this JVM goes on without it")).isOne();
    }

    /** Runs the module in a new JVM with an empty cache of its own and the remote cache; returns its output. */
    private String machine(String name, boolean writes, String key, String url, String sha256) throws Exception {
        return machine(name, writes, key, url, sha256, remote);
    }

    private String machine(String name, boolean writes, String key, String url, String sha256, String remoteUrl)
            throws Exception {
        List<String> properties = new ArrayList<>(List.of(
                "wasmguest.cache.dir=" + machines.resolve(name),
                "wasmguest.cache.remote=" + remoteUrl,
                "wasmguest.cache.remote.write=" + writes,
                "wasmguest.cache.remote.timeout=PT1S",
                "wasmguest.engine=compiler"));
        if (key != null) {
            properties.add("wasmguest.cache.remote.key=" + key);
        }
        Process jvm = AnotherJvm.running(Machine.class, properties, url, sha256).start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor(3, TimeUnit.MINUTES)).as("the JVM finished").isTrue();
        assertThat(jvm.exitValue())
                .as("exit code of machine %s; output:%n%s", name, output)
                .isZero();
        return output;
    }

    private String publishAtTheOrigin(String guest) throws IOException {
        byte[] bytes = Files.readAllBytes(GuestServerSession.guestsDirectory().resolve(guest));
        Path origin = served.resolve("origin").resolve(guest);
        Files.createDirectories(origin.getParent());
        Files.write(origin, bytes);
        return Sha256.hex(bytes);
    }

    private String originUrl(String guest) {
        return server + "origin/" + guest;
    }

    private List<Path> storedCompiledCode() throws IOException {
        try (Stream<Path> files = Files.list(store.resolve("compiled"))) {
            return files.toList();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long count(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).count();
    }

    /** A machine's JVM: runs the pinned module at the URL with the argument "remote", printing wasmguest's log. */
    public static final class Machine {

        private Machine() {}

        public static void main(String[] args) {
            ResolveInAnotherJvm.printLogLines("dev.wasmguest");
            WasiResult result = WasiRunner.fromUrl(args[0], args[1]).run("remote");
            System.out.print(result.stdout());
            System.exit(result.exitCode());
        }
    }
}
