package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.wasmguest.internal.run.ReactorSession;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One instance of a module whose exported functions a test calls: a library module (a WASI reactor, which exports
 * {@code _initialize} and functions, not {@code _start}), made by {@link WasiRunner#instantiate()} or injected into a
 * {@code WasiInstance} parameter of a test with {@code @WasmGuest}.
 *
 * <p>The instance keeps its state between calls (its memory, its globals, its open files). It is sandboxed as a run
 * is: it sees only the arguments, environment, stdin and directories its runner grants; its memory limit holds for
 * its whole life; {@code _initialize} and each call have the runner's timeout, and each call's result holds what that
 * call wrote to stdout and stderr, how it ended (a trap has its {@link WasiResult#trapBacktrace() backtrace}) and
 * what it {@link WasiResult#returnValues() returned}, for the same assertions as a run:
 *
 * <pre>{@code
 * try (WasiInstance library = WasiRunner.fromResource("guests/counter.wasm").instantiate()) {
 *     assertThat(library.call("add", 2, 3)).succeeded().returned(5);
 * }
 * }</pre>
 *
 * <p>Thread-safe: calls from several threads run one at a time. A call that timed out or was interrupted, or in which
 * the guest called {@code proc_exit}, leaves the instance unusable: later calls throw, saying why. A trap does not.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WasiInstance implements AutoCloseable {

    private final ReactorSession session;
    private final String source;

    WasiInstance(ReactorSession session, String source) {
        this.session = session;
        this.source = source;
    }

    /**
     * How the instance was made and initialized: its instantiation (data segments and the module's start function),
     * then {@code _initialize} when the module exports one, both within the runner's timeout. A trap or a timeout in
     * either is this result's; calls are refused unless it {@link WasiResult#returned() returned}.
     *
     * @return never {@code null}
     */
    public WasiResult initialization() {
        return session.initialization();
    }

    /**
     * Calls an exported function and waits for it to return, trap or time out.
     *
     * @param function the export's name, e.g. {@code "add"}
     * @param args the arguments, each converted to the type the function declares ({@link Number#intValue()} for an
     *        {@code i32}, {@link Number#longValue()} for an {@code i64}, {@link Number#floatValue()} for an {@code
     *        f32}, {@link Number#doubleValue()} for an {@code f64})
     * @return how the call ended, what it returned and wrote; never {@code null}
     * @throws IllegalArgumentException when the module exports no such function (the message lists those it
     *         exports), or the arguments do not fit its type
     * @throws IllegalStateException when the instance can no longer be called (closed, stopped, exited, or its
     *         {@code _initialize} did not return), saying why
     */
    public WasiResult call(String function, Number... args) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(args, "args");
        return session.call(function, Arrays.asList(args));
    }

    /**
     * The names of the functions the module exports, {@code _initialize} among them when it has one.
     *
     * @return in the module's order; never {@code null}
     */
    public Set<String> exportedFunctions() {
        return session.exportedFunctions();
    }

    /**
     * The module's source as named: URL, path or classpath resource.
     *
     * @return never {@code null}
     */
    public String source() {
        return source;
    }

    /**
     * Ends the instance: later calls are refused, and what the guest changed in its read-write directories is brought
     * back to the host. Closing again does nothing.
     *
     * @throws IllegalStateException when files could not all be brought back, naming each
     */
    @Override
    public void close() {
        List<String> problems = session.end();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("guest module " + source + ": its files could not all be brought back to"
                    + " the host: " + String.join("; ", problems));
        }
    }

    @Override
    public String toString() {
        return "WasiInstance[" + source + "]";
    }
}
