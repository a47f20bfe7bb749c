package dev.wasmguest.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several Surefire forks share one cache directory: four JVM processes resolving the same URL at once make
 * exactly one request between them, translate the module once (the others load the compiled code), and leave no
 * temporary files behind.
 */
class SharedCacheAcrossJvmsTest {

    private static final int JVMS = 4;

    @TempDir
    Path cache;

    @Test
    void fourJvmsDownloadAndCompileOnce() throws Exception {
        byte[] seed = Files.readAllBytes(GuestServerSession.guestsDirectory().resolve("seed.wasm"));
        AtomicInteger requests = new AtomicInteger();
        List<String> outputs = new ArrayList<>();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    requests.incrementAndGet();
                    // A slow body keeps the download going while the other JVMs arrive at the lock.
                    return new MockResponse.Builder()
                            .code(200)
                            .bodyDelay(500, TimeUnit.MILLISECONDS)
                            .body(new Buffer().write(seed))
                            .build();
                }
            });
            server.start(InetAddress.getLoopbackAddress(), 0);
            String url = server.url("/shared/seed.wasm").toString();

            List<Process> jvms = new ArrayList<>();
            for (int i = 0; i < JVMS; i++) {
                jvms.add(startJvm(url, "jvm" + i));
            }
            for (int i = 0; i < JVMS; i++) {
                Process jvm = jvms.get(i);
                assertThat(jvm.waitFor(120, TimeUnit.SECONDS))
                        .as("JVM %d finished", i)
                        .isTrue();
                String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(jvm.exitValue())
                        .as("JVM %d exit code; output:%n%s", i, output)
                        .isZero();
                assertThat(output).contains("Received arguments: [jvm" + i + "]");
                outputs.add(output);
            }
        }
        assertThat(requests.get()).as("requests from %d JVMs", JVMS).isEqualTo(1);
        String logs = String.join("", outputs);
        assertThat(count(logs, ": translated to JVM bytecode"))
                .as("translations by %d JVMs:%n%s", JVMS, logs)
                .isEqualTo(1L);
        assertThat(count(logs, ": loaded its compiled code"))
                .as("loads of compiled code")
                .isEqualTo(JVMS - 1L);
        try (var files = Files.walk(cache)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
        }
        assertThat(cache.resolve("modules"))
                .isDirectoryContaining(file -> file.toString().endsWith(".wasm"));
    }

    /** The engine's log lines ({@code log: ...}, one per record) that contain {@code part}. */
    private static long count(String text, String part) {
        return text.lines()
                .filter(line -> line.startsWith("log: ") && line.contains(part))
                .count();
    }

    private Process startJvm(String url, String argument) throws IOException {
        return AnotherJvm.running(ResolveInAnotherJvm.class, "wasmguest.cache.dir=" + cache, url, argument)
                .start();
    }
}
