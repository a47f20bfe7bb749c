package dev.wasmguest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.internal.util.AtomicFiles;
import dev.wasmguest.internal.util.Sha256;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A JVM killed with SIGKILL while it downloads a module, translates it, or writes a cache entry leaves a cache that
 * the next JVM uses as it is: it resolves and runs the guest correctly, never reads a half entry, is not held up
 * by the dead JVM's locks, and removes the temporary files the dead JVM left.
 */
class KilledJvmCacheTest {

    private static final String SEED_OUTPUT = "Received arguments: [after the kill]";

    @TempDir
    Path cache;

    @TempDir
    Path elsewhere;

    private final MockWebServer server = new MockWebServer();
    private volatile boolean throttleFirstResponse;

    @BeforeEach
    void serveTheGuests() throws IOException {
        Path guests = GuestServerSession.guestsDirectory();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String name = request.getUrl().encodedPath().substring(1);
                MockResponse.Builder response = new MockResponse.Builder().code(200);
                try {
                    response.body(new Buffer().write(Files.readAllBytes(guests.resolve(name))));
                } catch (IOException e) {
                    return response.code(404).build();
                }
                if (throttleFirstResponse) {
                    throttleFirstResponse = false;
                    response.throttleBody(1024, 250, TimeUnit.MILLISECONDS); // seed.wasm takes about 7 s
                }
                return response.build();
            }
        });
        server.start();
    }

    @AfterEach
    void stopServing() throws IOException {
        server.close();
    }

    @Test
    void aJvmKilledWhileDownloading() throws Exception {
        throttleFirstResponse = true;
        Process killed = resolveAndRun("seed.wasm", "never run");
        assertThat(server.takeRequest(1, TimeUnit.MINUTES))
                .as("the download began")
                .isNotNull();
        Thread.sleep(1_000); // a few KB of the body on their way

        kill(killed);

        assertThat(filesIn("modules")).as("nothing of the module is stored").isEmpty();
        String output = finish(resolveAndRun("seed.wasm", "after the kill"));
        assertThat(output).contains(SEED_OUTPUT);
        assertThat(server.getRequestCount()).as("downloads").isEqualTo(2);
        assertThat(filesIn("modules"))
                .singleElement()
                .satisfies(module -> assertThat(module.getFileName().toString())
                        .isEqualTo(Sha256.hex(Files.readAllBytes(module)) + ".wasm"));
        assertNoTemporaryFiles();
    }

    @Test
    void aJvmKilledWhileTranslatingLeavesTheTranslationToTheJvmThatDoesIt() throws Exception {
        // The compiler engine makes the run wait for the translation, which announces itself after 2 s. A module this
        // big is translated by a JVM of its own, which the kill does not reach: the next JVM loads what it stored.
        Process killed = resolveAndRun("many-functions.wasm", "never run", "wasmguest.engine=compiler");
        awaitLine(killed, line -> line.contains("translating it to JVM bytecode in a JVM of its own"));

        kill(killed);

        assertThat(finish(resolveAndRun("many-functions.wasm", "after the kill", "wasmguest.engine=compiler")))
                .contains(SixRunsOfABigGuest.OUTPUT);
        assertThat(filesIn("compiled"))
                .as("the compiled code the translating JVM stored, and no log of it")
                .anyMatch(file -> file.toString().endsWith(".bin"))
                .noneMatch(file -> file.toString().endsWith(".log"));
        String loaded = finish(resolveAndRun("many-functions.wasm", "once more"));
        assertThat(loaded).contains(SixRunsOfABigGuest.OUTPUT, "loaded its compiled code");
        assertNoTemporaryFiles();
    }

    @ParameterizedTest
    @EnumSource(CacheEntry.class)
    void aJvmKilledBetweenWritingAnEntryAndRenamingIt(CacheEntry kind) throws Exception {
        finish(resolveAndRun("seed.wasm", "filling the cache"));
        Path entry = filesIn(kind.directory).stream()
                .filter(file -> file.toString().endsWith(kind.suffix))
                .findFirst()
                .orElseThrow();
        Path whole = Files.move(entry, elsewhere.resolve("whole-entry"));
        Process killed = AnotherJvm.running(WriteHalfACacheEntry.class, List.of(), entry.toString(), whole.toString())
                .start();
        awaitLine(killed, line -> line.equals("half written"));
        AtomicFiles.removeAbandoned(entry.getParent());
        assertThat(temporaryFiles())
                .as("a live writer's temporary file, which another JVM must not remove")
                .hasSize(1);

        kill(killed);

        assertThat(entry).doesNotExist();
        assertThat(temporaryFiles())
                .as("the dead writer's temporary file, half written")
                .hasSize(1);
        String output = finish(resolveAndRun("seed.wasm", "after the kill"));
        assertThat(output).contains(SEED_OUTPUT);
        switch (kind) {
            case MODULE -> assertThat(entry).hasSameBinaryContentAs(whole);
            case URL_INDEX -> assertThat(entry).content().contains("sha256=" + seedSha256());
            case COMPILED_CODE -> {
                // Two translations differ in their bytes (the jar), so the new entry is shown whole by its use.
                assertThat(output).contains("translated to JVM bytecode");
                assertThat(finish(resolveAndRun("seed.wasm", "after the kill"))).contains("loaded its compiled code");
            }
        }
        assertNoTemporaryFiles();
    }

    /** The kinds of cache entry, by where they are kept. */
    enum CacheEntry {
        MODULE("modules", ".wasm"),
        URL_INDEX("urls", ".properties"),
        COMPILED_CODE("compiled", ".bin");

        final String directory;
        final String suffix;

        CacheEntry(String directory, String suffix) {
            this.directory = directory;
            this.suffix = suffix;
        }
    }

    private Process resolveAndRun(String guest, String argument, String... properties) throws IOException {
        List<String> all = new ArrayList<>(List.of(properties));
        all.add("wasmguest.cache.dir=" + cache);
        return AnotherJvm.running(
                        ResolveInAnotherJvm.class, all, server.url("/" + guest).toString(), argument)
                .start();
    }

    /** Waits for the JVM to end by itself; returns its output, after checking that it succeeded. */
    private static String finish(Process jvm) throws Exception {
        assertThat(jvm.waitFor(3, TimeUnit.MINUTES)).as("the JVM finished").isTrue();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.exitValue()).as("exit code; output:%n%s", output).isZero();
        return output;
    }

    /** Reads the JVM's output until a line matches; the JVM goes on running. */
    private static void awaitLine(Process jvm, Predicate<String> wanted) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException | RuntimeException endedWithTheProcess) {
                // the kill closes the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line)) {
                return;
            }
            if (line != null) {
                seen.append(line).append('\n');
            }
            if (line == null && !jvm.isAlive() && !reader.isAlive()) {
                throw new AssertionError("the JVM ended before the awaited line; output:\n" + seen);
            }
        }
        throw new AssertionError("the awaited line did not come within 2 minutes; output:\n" + seen);
    }

    private static void kill(Process jvm) throws InterruptedException {
        assertThat(jvm.isAlive())
                .as("the JVM is still at work when it is killed")
                .isTrue();
        jvm.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        assertThat(jvm.waitFor(1, TimeUnit.MINUTES)).isTrue();
    }

    private List<Path> filesIn(String directory) throws IOException {
        Path root = cache.resolve(directory);
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }

    private static String seedSha256() throws IOException {
        return Sha256.hex(
                Files.readAllBytes(GuestServerSession.guestsDirectory().resolve("seed.wasm")));
    }

    private void assertNoTemporaryFiles() throws IOException {
        assertThat(temporaryFiles()).as("temporary files left in the cache").isEmpty();
    }
}
