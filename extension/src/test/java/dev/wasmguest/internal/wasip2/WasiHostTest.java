package dev.wasmguest.internal.wasip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.internal.component.CaseValue;
import dev.wasmguest.internal.component.ComponentInstance;
import dev.wasmguest.internal.component.ComponentParser;
import dev.wasmguest.internal.component.TestCores;
import dev.wasmguest.internal.load.TestGuests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import run.endive.wasi.WasiExitException;

/**
 * Our C guests as components made by jco's adapter, run on the WASI 0.2 host: the same arguments, environment,
 * stdin, output, exit codes, clocks and random bytes as the modules get through WASI preview 1.
 */
class WasiHostTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private Object run(
            String guest,
            List<String> argv,
            Map<String, String> env,
            String stdin,
            Optional<Clock> clock,
            Optional<Long> seed) {
        WasiHost host = new WasiHost(new WasiHost.Grants(
                argv,
                env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                stdout,
                stderr,
                clock,
                seed,
                List.of()));
        return ComponentInstance.instantiate(ComponentParser.parse(TestGuests.resource(guest)), host, new TestCores())
                .export("wasi:cli/run@0.2.12", "run")
                .orElseThrow()
                .call(List.of());
    }

    private Object run(String guest, String... args) {
        return run(guest, List.of(args), Map.of(), "", Optional.empty(), Optional.empty());
    }

    @Test
    void stdinEnvironmentAndBothOutputs() {
        Object result = run(
                "echo.component.wasm",
                List.of("echo.wasm", "GREETING"),
                Map.of("GREETING", "hello there"),
                "piped text",
                Optional.empty(),
                Optional.empty());

        assertThat(result).isEqualTo(CaseValue.ok(null));
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("piped text");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("env GREETING=hello there\n");
    }

    @Test
    void anExitCodeEndsTheRunAsForAModule() {
        assertThatThrownBy(() -> run("seed.component.wasm", "seed.wasm", "exit1"))
                .isInstanceOfSatisfying(
                        WasiExitException.class,
                        exit -> assertThat(exit.exitCode()).isEqualTo(1));
    }

    @Test
    void aFixedClockAndSeedGiveTheSameOutputEveryRun() {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-02T03:04:05.123456789Z"), ZoneOffset.UTC);

        run("clockrand.component.wasm", List.of("clockrand.wasm"), Map.of(), "", Optional.of(fixed), Optional.of(42L));
        String first = stdout.toString(StandardCharsets.UTF_8);
        stdout.reset();
        run("clockrand.component.wasm", List.of("clockrand.wasm"), Map.of(), "", Optional.of(fixed), Optional.of(42L));

        assertThat(first)
                .startsWith("realtime 1767323045.123456789\nmonotonic advanced 1000 ns\nrandom ")
                .isEqualTo(stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionsOfWasi02AreServedAndOthersAreNot() {
        WasiHost host = new WasiHost(new WasiHost.Grants(
                List.of(),
                Map.of(),
                new ByteArrayInputStream(new byte[0]),
                stdout,
                stderr,
                Optional.empty(),
                Optional.empty(),
                List.of()));

        assertThat(host.apply("wasi:cli/stdout@0.2.0")).isPresent();
        assertThat(host.apply("wasi:cli/stdout@0.2.12")).isPresent();
        assertThat(host.apply("wasi:cli/stdout@0.3.0")).isEmpty();
        assertThat(host.apply("wasi:sockets/tcp@0.2.12")).isEmpty();
        assertThat(host.apply("wasi:http/outgoing-handler@0.2.12")).isEmpty();
        assertThat(WasiHost.refusal("wasi:cli/exit@0.2.3")).isEmpty();
        assertThat(WasiHost.refusal("wasi:http/outgoing-handler@0.2.12"))
                .contains("wasi:http/outgoing-handler@0.2.12: wasmguest grants guests no network access");
        assertThat(WasiHost.refusal("wasi:cli/exit@0.3.0"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("any 0.2.x"));
    }
}
