package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasiTestSuite;
import dev.wasmguest.junit.WasmGuest;
import dev.wasmguest.testsupport.LogCapture;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

/**
 * A user's {@code junit-platform.properties} configures every entry point alike: injected runners, runners made by
 * hand in the same test class and suites. (It used to reach only injected runners: a hand-made runner in the same
 * class kept the 60 s default timeout.) The launcher's own parameters come first where the extension sees them.
 */
class ConfigurationOrderTest {

    /** The user's test class: a guest that never ends, once injected and once made by hand. */
    @WasmGuest(resource = "guests/loop-branch.wasm")
    static class UserTestClass {
        @Test
        void injected(WasiResult result) {
            assertThat(result).timedOut();
            assertThat(result.timeout()).isEqualTo(Duration.ofMillis(300));
        }

        @Test
        void madeByHand() {
            WasiResult result =
                    WasiRunner.fromResource("guests/loop-branch.wasm").run();

            assertThat(result).timedOut();
            assertThat(result.timeout()).isEqualTo(Duration.ofMillis(300));
        }
    }

    @TempDir
    Path classes;

    @RegisterExtension
    final LogCapture log = LogCapture.of(dev.wasmguest.internal.config.Settings.class);

    @Test
    void junitPlatformPropertiesReachInjectedAndHandMadeRunners() throws Exception {
        Files.writeString(classes.resolve("junit-platform.properties"), "wasmguest.timeout=PT0.3S\n");

        Events tests = withClassPath(() -> UserTests.run(UserTestClass.class, Map.of()));

        tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void theLaunchersParametersComeBeforeTheFile() throws Exception {
        Files.writeString(classes.resolve("junit-platform.properties"), "wasmguest.timeout=PT0.3S\n");

        Events tests = withClassPath(() -> UserTests.run(UserTestClass.class, Map.of("wasmguest.timeout", "PT0.5S")));

        tests.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertThat(UserTests.throwable(tests.failed().list().get(0)))
                .as("the injected runner: it sees the launcher's parameter")
                .hasMessageContainingAll("0.5S", "0.3S");
    }

    @Test
    void suitesReadTheFileToo() throws Exception {
        Files.writeString(classes.resolve("junit-platform.properties"), "wasmguest.suites.cases=exit_code\n");

        assertThat(withClassPath(ConfigurationOrderTest::suiteCases)).isEqualTo(1);
        assertThat(log.messages(Level.WARNING)).isEmpty();
    }

    @Test
    void theFormerCasesKeyStillSelectsWithAWarning() throws Exception {
        Files.writeString(classes.resolve("junit-platform.properties"), "wasmguest.suite.cases=exit_code\n");

        assertThat(withClassPath(ConfigurationOrderTest::suiteCases)).isEqualTo(1);
        assertThat(log.messages(Level.WARNING))
                .singleElement()
                .asString()
                .startsWith("wasmguest.suite.cases (junit-platform.properties) is deprecated: rename it"
                        + " wasmguest.suites.cases");
    }

    private static long suiteCases() {
        Path suite = GuestServerSession.guestsDirectory().resolveSibling("suite");
        return WasiTestSuite.inDirectory(suite)
                .tests()
                .flatMap(container -> ((DynamicContainer) container).getChildren())
                .count();
    }

    /**
     * Runs {@code work} as if {@link #classes} held the project's {@code junit-platform.properties}: in place of the
     * it module's own, which the test class path already has.
     */
    private <T> T withClassPath(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new UserProjectLoader(classes, previous));
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The test class path, with the user's {@code junit-platform.properties} instead of this module's. */
    private static final class UserProjectLoader extends ClassLoader {
        private final Path file;

        UserProjectLoader(Path directory, ClassLoader parent) {
            super(parent);
            this.file = directory.resolve("junit-platform.properties");
        }

        @Override
        public URL getResource(String name) {
            return name.equals("junit-platform.properties") ? url() : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.equals("junit-platform.properties")
                    ? Collections.enumeration(List.of(url()))
                    : super.getResources(name);
        }

        private URL url() {
            try {
                return file.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
