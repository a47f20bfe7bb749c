package dev.wasmguest.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Update mode writes missing and changed snapshots, and CI refuses it. Each check runs in a JVM of its own, since
 * the mode comes from system properties and the environment.
 */
class SnapshotUpdateTest {

    @TempDir
    Path snapshots;

    @Test
    void updateWritesSnapshotsThatThenMatch() throws Exception {
        Result update = check("first", "update", null);
        assertThat(update.exitCode).as(update.output).isZero();
        assertThat(snapshots.resolve("guest/seed.stdout")).content().contains("Received arguments: [first]");
        assertThat(snapshots.resolve("guest/seed.exit")).hasContent("exited with code 0");

        assertThat(check("first", null, null).exitCode)
                .as("the written snapshot matches")
                .isZero();

        Result changed = check("second", null, null);
        assertThat(changed.exitCode).isEqualTo(1);
        assertThat(changed.output).contains("guest/seed.stdout differs, line 2");

        assertThat(check("second", "update", null).exitCode)
                .as("update accepts the change")
                .isZero();
        assertThat(snapshots.resolve("guest/seed.stdout")).content().contains("[second]");
    }

    @Test
    void ciRefusesUpdateMode() throws Exception {
        Result refused = check("first", "update", "true");

        assertThat(refused.exitCode).isEqualTo(1);
        assertThat(refused.output).contains("Refusing to update snapshots because CI=true");
        assertThat(snapshots.resolve("guest")).doesNotExist();
    }

    private Result check(String argument, String mode, String ci) throws IOException, InterruptedException {
        ProcessBuilder builder =
                AnotherJvm.running(SnapshotInAnotherJvm.class, "wasmguest.snapshots.dir=" + snapshots, argument);
        builder.environment().remove("CI");
        builder.environment().remove("WASMGUEST_SNAPSHOTS");
        if (mode != null) {
            builder.environment().put("WASMGUEST_SNAPSHOTS", mode);
        }
        if (ci != null) {
            builder.environment().put("CI", ci);
        }
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {}
}
