package dev.wasmguest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A six-test class over a large guest passes with default settings in a new JVM whose cache is empty: the first
 * tests run while the module is translated, none of them times out for it.
 */
class BigGuestInFreshJvmTest {

    @TempDir
    Path emptyCache;

    @Test
    void sixTestsOverALargeGuestPassWithDefaultSettings() throws IOException, InterruptedException {
        Process jvm = AnotherJvm.running(BigGuestInFreshJvmTest.class, "wasmguest.cache.dir=" + emptyCache)
                .start();

        assertThat(jvm.waitFor(5, TimeUnit.MINUTES)).as("the JVM finished").isTrue();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).as(output).contains("6 tests successful", "0 tests failed");
        assertThat(jvm.exitValue()).as(output).isZero();
    }

    /** The new JVM: runs {@link SixRunsOfABigGuest} through the JUnit Platform, as a build tool does. */
    public static void main(String[] args) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(SixRunsOfABigGuest.class))
                                .build(),
                        listener);
        TestExecutionSummary summary = listener.getSummary();
        summary.printTo(new PrintWriter(System.out, true));
        summary.printFailuresTo(new PrintWriter(System.out, true), 20);
        System.exit(summary.getTotalFailureCount() == 0 ? 0 : 1);
    }
}
