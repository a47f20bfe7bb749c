package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.wasmguest.internal.run.InstanceSession;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One instance of a guest whose exported functions a test calls: a library module (a WASI reactor, which exports
 * {@code _initialize} and functions, not {@code _start}) or a component, made by {@link WasiRunner#instantiate()} or
 * injected into a {@code WasiInstance} parameter of a test with {@code @WasmGuest}.
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
 * <p>A component's functions, and a module's that wit-bindgen made, take and give Java values for their WIT types
 * ({@link #call(String, Object...)}), lowered into the guest's memory and lifted back by the component model's
 * canonical ABI:
 *
 * <pre>{@code
 * try (WasiInstance abi = WasiRunner.fromResource("guests/abi.component.wasm").instantiate()) {
 *     assertThat(abi.call("echo-string", "grüße")).returnedValue("grüße");
 *     assertThat(abi.call("check", Optional.of(41))).returnedValue(WitCase.ok(42));
 * }
 * }</pre>
 *
 * <p>Thread-safe: calls from several threads run one at a time. A call that timed out or was interrupted, or in which
 * the guest called {@code proc_exit}, leaves the instance unusable: later calls throw, saying why. A trap does not
 * for a module; for a component it does, as in wasmtime, since a trap may leave the component's state half-changed.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WasiInstance implements AutoCloseable {

    private final InstanceSession session;
    private final String source;

    WasiInstance(InstanceSession session, String source) {
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
     * Calls an exported function with numbers and waits for it to return, trap or time out. A component's function,
     * or a wit-bindgen export whose name spells out its signature, takes them as its WIT types say, as {@link
     * #call(String, Object...)} does.
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
     * Calls an exported function with Java values for its types, and waits for it to return, trap or time out.
     *
     * <p>The types are the WIT types of a component's export, or of a wit-bindgen module's export whose name spells
     * out its signature, as wit-bindgen's first versions name them ({@code rb-eval-string-protect: func(str: string)
     * -> ...} is called as {@code "rb-eval-string-protect"}); a module's other functions take numbers. WIT types are
     * given and returned as:
     *
     * <table>
     * <caption>WIT types in Java</caption>
     * <tr><th>WIT</th><th>given as</th><th>returned as</th></tr>
     * <tr><td>{@code bool}</td><td>Boolean</td><td>Boolean</td></tr>
     * <tr><td>{@code s8}, {@code u8}, {@code s16}, {@code u16}, {@code s32}</td><td>an integral Number in range</td>
     * <td>Integer</td></tr>
     * <tr><td>{@code u32}, {@code s64}</td><td>an integral Number in range</td><td>Long</td></tr>
     * <tr><td>{@code u64}</td><td>Long (its bits) or BigInteger</td><td>Long, by its bits</td></tr>
     * <tr><td>{@code f32}, {@code f64}</td><td>Number</td><td>Float, Double</td></tr>
     * <tr><td>{@code char}</td><td>a String of one code point, a Character, or a code point</td><td>String</td></tr>
     * <tr><td>{@code string}</td><td>String</td><td>String</td></tr>
     * <tr><td>{@code list<u8>}, {@code list<s8>}</td><td>byte[] or List</td><td>byte[]</td></tr>
     * <tr><td>{@code list<T>}, {@code tuple<...>}</td><td>List, Collection or array</td><td>List</td></tr>
     * <tr><td>{@code record}</td><td>a Map by field name, or a Java record whose components are the fields in
     * camelCase</td><td>Map, in field order</td></tr>
     * <tr><td>{@code option<T>}</td><td>Optional, or {@code null} for none</td><td>Optional</td></tr>
     * <tr><td>{@code result}, {@code variant}</td><td>{@link WitCase}</td><td>{@link WitCase}</td></tr>
     * <tr><td>{@code enum}</td><td>the case's name, or a Java enum constant of that name</td><td>String</td></tr>
     * <tr><td>{@code flags}</td><td>a Set of the names that are set</td><td>Set, in declaration order</td></tr>
     * <tr><td>{@code own}, {@code borrow}, {@code handle}</td><td>a {@link WitHandle} this instance returned</td>
     * <td>{@link WitHandle}</td></tr>
     * </table>
     *
     * @param function the export's name: a component's own function by its name, one of an instance it exports as
     *        {@code instance#function} (e.g. {@code "example:greeter/api#greet"})
     * @param args the arguments, in order
     * @return how the call ended, what it {@link WasiResult#returnedValue() returned} and wrote; never {@code null}
     * @throws IllegalArgumentException when the guest exports no such function (the message lists those it exports),
     *         or an argument does not fit its type (the message names it and what would fit)
     * @throws IllegalStateException when the instance can no longer be called, saying why
     */
    public WasiResult call(String function, Object... args) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(args, "args");
        return session.call(function, Arrays.asList(args));
    }

    /**
     * Calls a function of a core module that wit-bindgen made, given its WIT signature, which such a module does not
     * carry: its arguments are lowered into the module's memory with its {@code cabi_realloc}, its result lifted, and
     * its {@code cabi_post_<function>} run after, as a component's canonical ABI would.
     *
     * <pre>{@code
     * assertThat(library.callWit("greet", "func(name: string) -> string", "World")).returnedValue("Hello, World!");
     * assertThat(library.callWit("area", "record rect { width: u32, height: u32 } func(r: rect) -> u64",
     *         Map.of("width", 3, "height", 4))).returnedValue(12L);
     * }</pre>
     *
     * @param function the export's name
     * @param signature a WIT function type, {@code func(...) -> ...}, after the definitions of any named types it uses
     *        ({@code record}, {@code variant}, {@code enum}, {@code flags}, {@code type}, {@code resource})
     * @param args the arguments, as {@link #call(String, Object...)} maps WIT types to Java
     * @return how the call ended, what it {@link WasiResult#returnedValue() returned} and wrote; never {@code null}
     * @throws IllegalArgumentException when the module exports no such function, the signature cannot be read or its
     *         core form is not the function's type (the message gives both), or an argument does not fit
     * @throws IllegalStateException when the instance can no longer be called, saying why
     */
    public WasiResult callWit(String function, String signature, Object... args) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(args, "args");
        return session.call(function, signature, Arrays.asList(args));
    }

    /**
     * Reads the instance's memory: a module's, or for a component that of its core module with the largest memory
     * (its program's).
     *
     * @param address where to start
     * @param length how many bytes
     * @return a copy; never {@code null}
     * @throws IndexOutOfBoundsException when the bytes are not all inside the memory
     * @throws IllegalStateException when the instance has no memory or can no longer be used
     */
    public byte[] readMemory(long address, int length) {
        return session.readMemory(address, length);
    }

    /**
     * Writes into the instance's memory: a module's, or for a component that of its core module with the largest
     * memory (its program's).
     *
     * @param address where to start
     * @param bytes what to write
     * @throws IndexOutOfBoundsException when the bytes do not all fit inside the memory
     * @throws IllegalStateException when the instance has no memory or can no longer be used
     */
    public void writeMemory(long address, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        session.writeMemory(address, bytes);
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
