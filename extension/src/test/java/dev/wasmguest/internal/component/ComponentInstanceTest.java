package dev.wasmguest.internal.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.internal.load.TestGuests;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An adapted command component instantiated and run end to end: four core modules linked through shim tables, the
 * host's functions lowered with memory, realloc and handles, and {@code wasi:cli/run} lifted back. The host here is
 * the least that {@code seed.component.wasm} calls; the WASI 0.2 host proper is tested on its own.
 */
class ComponentInstanceTest {

    private static final Component SEED = ComponentParser.parse(TestGuests.resource("seed.component.wasm"));

    /** A stream the host hands out: the guest holds it by handle and drops it when done. */
    private record Stream(ByteArrayOutputStream bytes) implements AutoCloseable {
        @Override
        public void close() {}
    }

    /** How the guest ended: by calling {@code exit}. */
    private static final class Exited extends RuntimeException {
        final boolean success;

        Exited(boolean success) {
            super("exit");
            this.success = success;
        }
    }

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private Map<String, HostInstance> host(List<String> argv) {
        Map<String, HostInstance> host = new HashMap<>();
        host.put(
                "wasi:cli/environment@0.2.12",
                name -> name.equals("get-arguments")
                        ? Optional.of(args -> new ArrayList<Object>(argv))
                        : Optional.empty());
        host.put(
                "wasi:cli/exit@0.2.12",
                name -> Optional.of(args -> {
                    throw new Exited(((CaseValue) args.get(0)).index() == 0);
                }));
        host.put("wasi:io/streams@0.2.12", name -> switch (name) {
            case "[method]output-stream.check-write" -> Optional.of(args -> CaseValue.ok(4096L));
            case "[method]output-stream.write", "[method]output-stream.blocking-write-and-flush" ->
                Optional.of(args -> {
                    ((Stream) args.get(0)).bytes().writeBytes((byte[]) args.get(1));
                    return CaseValue.ok(null);
                });
            case "[method]output-stream.blocking-flush" -> Optional.of(args -> CaseValue.ok(null));
            default -> Optional.empty();
        });
        host.put("wasi:cli/stdin@0.2.12", name -> Optional.of(args -> new Stream(new ByteArrayOutputStream())));
        host.put("wasi:cli/stdout@0.2.12", name -> Optional.of(args -> new Stream(stdout)));
        host.put("wasi:cli/stderr@0.2.12", name -> Optional.of(args -> new Stream(stderr)));
        for (String terminal : List.of("terminal-stdin", "terminal-stdout", "terminal-stderr")) {
            host.put("wasi:cli/" + terminal + "@0.2.12", name -> Optional.of(args -> CaseValue.NONE));
        }
        host.put("wasi:filesystem/preopens@0.2.12", name -> Optional.of(args -> List.of()));
        // Lowered by the adapter, never called by this guest.
        host.put(
                "wasi:filesystem/types@0.2.12",
                name -> Optional.of(args -> {
                    throw new AssertionError(name + " called");
                }));
        for (String rest : List.of(
                "wasi:io/error@0.2.12",
                "wasi:cli/terminal-input@0.2.12",
                "wasi:cli/terminal-output@0.2.12",
                "wasi:clocks/wall-clock@0.2.12")) {
            host.put(rest, name -> Optional.empty());
        }
        return host;
    }

    private ComponentFunction run(List<String> argv) {
        Map<String, HostInstance> host = host(argv);
        return ComponentInstance.instantiate(SEED, name -> Optional.ofNullable(host.get(name)), new TestCores())
                .export("wasi:cli/run@0.2.12", "run")
                .orElseThrow();
    }

    @Test
    void runsTheCommandWithItsArgumentsAndStreams() {
        Object result = run(List.of("seed.wasm", "arg1", "hello")).call(List.of());

        assertThat(result).isEqualTo(CaseValue.ok(null));
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .isEqualTo("Wasm Guest: Hello from stdout!\nWasm Guest: Received arguments: [arg1, hello]\n"
                        + "Wasm Guest: Exiting with code 0.\n");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("Wasm Guest: Hello from stderr!\n");
    }

    @Test
    void anExitReachesTheHostWithItsStatus() {
        ComponentFunction run = run(List.of("seed.wasm", "exit1"));

        assertThatThrownBy(() -> run.call(List.of()))
                .isInstanceOfSatisfying(
                        Exited.class, exited -> assertThat(exited.success).isFalse());
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .endsWith("Wasm Guest: Found 'exit1' argument, exiting with code 1.\n");
    }

    @Test
    void aMissingImportIsNamed() {
        assertThatThrownBy(() -> ComponentInstance.instantiate(SEED, name -> Optional.empty(), new TestCores()))
                .isInstanceOf(MalformedComponentException.class)
                .hasMessageMatching("the component imports wasi:[a-z/-]+@0\\.2\\.12, which the host does not provide");
    }

    @Test
    void aMissingHostFunctionIsNamedWithItsInterface() {
        Map<String, HostInstance> host = host(List.of("seed.wasm"));
        host.put("wasi:io/streams@0.2.12", name -> Optional.empty());

        assertThatThrownBy(() -> ComponentInstance.instantiate(
                        SEED, name -> Optional.ofNullable(host.get(name)), new TestCores()))
                .isInstanceOf(MalformedComponentException.class)
                .hasMessageStartingWith("wasi:io/streams@0.2.12 exports nothing named \"[method]output-stream.");
    }
}
