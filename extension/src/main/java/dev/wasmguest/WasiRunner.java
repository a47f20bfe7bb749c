package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.coverage.CoverageFiles;
import dev.wasmguest.internal.load.ModuleLoader;
import dev.wasmguest.internal.run.GuestRunner;
import dev.wasmguest.internal.run.Mount;
import dev.wasmguest.internal.run.RunLimits;
import dev.wasmguest.internal.run.RunSpec;
import dev.wasmguest.internal.source.BytesSource;
import dev.wasmguest.internal.source.FileSource;
import dev.wasmguest.internal.source.ModuleSource;
import dev.wasmguest.internal.source.ResourceSource;
import dev.wasmguest.internal.util.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * Runs one WASI command module, as often as you like, each time in a fresh sandboxed instance.
 *
 * <p>Immutable and thread-safe: the {@code with...} methods return a new runner and leave this one unchanged,
 * and {@link #run()} may be called from many threads at once. The module is prepared (downloaded or read, parsed,
 * translated) once, on the first run of this runner or of any runner derived from it, then shared.
 *
 * <p>A guest sees nothing of the host that the runner does not grant: only its arguments, the environment
 * variables set with {@link #withEnv}, the stdin given (else end-of-file at once); no files, no host streams.
 *
 * <pre>{@code
 * WasiResult result = WasiRunner.fromResource("guests/hello.wasm").withEnv("NAME", "Ada").run("--greet");
 * }</pre>
 *
 * Configuration keys (such as {@code wasmguest.cache.dir}, see {@link WasmGuestSetting}) are read from system
 * properties, then {@code junit-platform.properties} on the class path, then environment variables.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class WasiRunner {

    private final GuestRunner runner;

    private WasiRunner(GuestRunner runner) {
        this.runner = runner;
    }

    /**
     * A runner over the core's: the way in for wasmguest's JUnit layer ({@code dev.wasmguest.junit}), which configures
     * the core runner itself. Not for tests to call.
     *
     * @param core the core runner
     * @return a runner that runs as {@code core} does
     */
    @API(status = INTERNAL, since = "0.1")
    public static WasiRunner overCore(GuestRunner core) {
        return new WasiRunner(core);
    }

    /**
     * The core runner behind this runner, for wasmguest's JUnit layer. Not for tests to call.
     *
     * @return the core runner
     */
    @API(status = INTERNAL, since = "0.1")
    public GuestRunner core() {
        return runner;
    }

    private WasiRunner with(RunSpec changed) {
        return new WasiRunner(runner.withSpec(changed));
    }

    private WasiRunner withLimits(UnaryOperator<RunLimits> change) {
        return with(runner.spec().withLimits(change.apply(runner.spec().limits())));
    }

    /**
     * A runner for a module at an {@code http}, {@code https} or {@code file} URL. HTTP modules are
     * downloaded once and then served from the disk cache.
     *
     * @param url the module's URL, e.g. {@code "https://example.com/tool.wasm"}
     * @return a runner with no arguments, environment or stdin; never {@code null}
     * @throws IllegalArgumentException when the URL is malformed or of another scheme
     */
    public static WasiRunner fromUrl(String url) {
        return create(ModuleSource.ofUrl(Objects.requireNonNull(url, "url")), Optional.empty());
    }

    /**
     * A runner for a module at a URL that must have the given sha256 (64 hex digits). A cached module with
     * that hash is used without any network access; a module with another hash is refused.
     *
     * @param url the module's URL
     * @param sha256 the module's sha256, 64 hex digits, optionally prefixed {@code sha256:}
     * @return a runner with no arguments, environment or stdin; never {@code null}
     * @throws IllegalArgumentException when the URL or the digest is malformed
     */
    public static WasiRunner fromUrl(String url, String sha256) {
        return create(
                ModuleSource.ofUrl(Objects.requireNonNull(url, "url")),
                Optional.of(Sha256.normalize(Objects.requireNonNull(sha256, "sha256"))));
    }

    /**
     * A runner for a module file, read when the runner first runs; relative paths resolve against the working
     * directory.
     *
     * @param file the module's path
     * @return a runner with no arguments, environment or stdin; never {@code null}
     */
    public static WasiRunner fromFile(Path file) {
        return create(new FileSource(Objects.requireNonNull(file, "file")), Optional.empty());
    }

    /**
     * A runner for a module on the class path, e.g. {@code "guests/hello.wasm"}, looked up through the thread's
     * context class loader (else this library's).
     *
     * @param name the resource's name, without a leading slash
     * @return a runner with no arguments, environment or stdin; never {@code null}
     */
    public static WasiRunner fromResource(String name) {
        return create(ResourceSource.inContext(Objects.requireNonNull(name, "name")), Optional.empty());
    }

    /**
     * A runner for a module given as bytes; the array is copied.
     *
     * @param module the module's bytes
     * @return a runner with no arguments, environment or stdin; never {@code null}
     */
    public static WasiRunner fromBytes(byte[] module) {
        return create(new BytesSource(Objects.requireNonNull(module, "module")), Optional.empty());
    }

    private static WasiRunner create(ModuleSource source, Optional<String> sha256) {
        Settings settings = Settings.system();
        return new WasiRunner(
                GuestRunner.of(ModuleLoader.fromSettings(settings).handle(source, sha256), RunSpec.defaults(settings)));
    }

    /**
     * This runner with these arguments (after {@code argv[0]}) instead of the configured ones.
     *
     * @param args the arguments; none may be {@code null}
     * @return a new runner; this one is unchanged
     */
    public WasiRunner withArgs(String... args) {
        return with(runner.spec().withArgs(copyOf(args)));
    }

    /**
     * This runner with {@code argv[0]} set to {@code argv0} instead of the module's file name.
     *
     * @param argv0 the program name the guest sees
     * @return a new runner; this one is unchanged
     */
    public WasiRunner withArgv0(String argv0) {
        return with(runner.spec().withArgv0(Objects.requireNonNull(argv0, "argv0")));
    }

    /**
     * This runner with one more environment variable (or a new value for it).
     *
     * @param name the variable's name
     * @param value its value, possibly empty
     * @return a new runner; this one is unchanged
     * @throws IllegalArgumentException when the name is empty or contains {@code '='}
     */
    public WasiRunner withEnv(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || name.indexOf('=') >= 0) {
            throw new IllegalArgumentException("invalid environment variable name \"" + name + "\"");
        }
        return with(runner.spec().withEnv(name, value));
    }

    /**
     * This runner with the host's values of these environment variables, for those the host has; the guest sees
     * no other host variable.
     *
     * @param names the names of the host variables to pass on
     * @return a new runner; this one is unchanged
     */
    public WasiRunner withInheritedEnv(String... names) {
        WasiRunner runner = this;
        for (String name : copyOf(names)) {
            String value = System.getenv(name);
            if (value != null) {
                runner = runner.withEnv(name, value);
            }
        }
        return runner;
    }

    /**
     * This runner with {@code stdin} as standard input, encoded as UTF-8; the guest then reads end-of-file.
     *
     * @param stdin the whole of standard input
     * @return a new runner; this one is unchanged
     */
    public WasiRunner withStdin(String stdin) {
        return withStdin(Objects.requireNonNull(stdin, "stdin").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * This runner with these bytes (copied) as standard input; the guest then reads end-of-file.
     *
     * @param stdin the whole of standard input
     * @return a new runner; this one is unchanged
     */
    public WasiRunner withStdin(byte[] stdin) {
        return with(runner.spec().withStdin(Objects.requireNonNull(stdin, "stdin")));
    }

    /**
     * This runner with the contents of {@code file}, read now, as standard input.
     *
     * @param file the file to read standard input from
     * @return a new runner; this one is unchanged
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public WasiRunner withStdin(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return withStdin(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stdin file " + file.toAbsolutePath(), e);
        }
    }

    /**
     * This runner with a classpath resource, read now, as standard input.
     *
     * @param name the resource's name on the class path
     * @return a new runner; this one is unchanged
     * @throws IllegalArgumentException when there is no such resource
     */
    public WasiRunner withStdinFromResource(String name) {
        ResourceSource resource = ResourceSource.inContext(Objects.requireNonNull(name, "name"));
        try (InputStream in = resource.classLoader().getResourceAsStream(resource.name())) {
            if (in == null) {
                throw new IllegalArgumentException("no stdin resource \"" + name + "\" on the class path");
            }
            return withStdin(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stdin resource " + name, e);
        }
    }

    /**
     * This runner with the host directory {@code hostPath} visible to the guest at {@code guestPath}. The guest
     * works on a private copy; after the run its new and changed files are copied back (deletions are not).
     * Symbolic links in the host directory are not visible to the guest.
     *
     * @param guestPath where the guest sees the directory: absolute, without {@code ..}
     * @param hostPath the host directory
     * @return a new runner; this one is unchanged
     */
    public WasiRunner withDirectory(String guestPath, Path hostPath) {
        return with(runner.spec()
                .withMount(Mount.readWrite(Mount.guestPath(guestPath), Objects.requireNonNull(hostPath, "hostPath"))));
    }

    /**
     * This runner with the host directory {@code hostPath} visible to the guest at {@code guestPath}, read-only:
     * the guest works on a private copy, and nothing it does reaches the host. Symbolic links in the host
     * directory are not visible to the guest.
     *
     * @param guestPath where the guest sees the directory: absolute, without {@code ..}
     * @param hostPath the host directory
     * @return a new runner; this one is unchanged
     */
    public WasiRunner withReadOnlyDirectory(String guestPath, Path hostPath) {
        return with(runner.spec()
                .withMount(Mount.readOnly(Mount.guestPath(guestPath), Objects.requireNonNull(hostPath, "hostPath"))));
    }

    /**
     * This runner with a fresh, empty directory at {@code guestPath} for every run; read what the guest wrote
     * there with {@link WasiResult#file(String)}.
     *
     * @param guestPath where the guest sees the directory: absolute, without {@code ..}
     * @return a new runner; this one is unchanged
     */
    public WasiRunner withTempDirectory(String guestPath) {
        return with(runner.spec().withMount(Mount.temporary(Mount.guestPath(guestPath))));
    }

    /**
     * This runner with guest coverage on, whatever {@code wasmguest.coverage.dir} says: each result has its {@link
     * WasiResult#coverage() coverage}, which is also merged into {@code lcov.info} and {@code cobertura.xml} in
     * {@code directory}. The module is prepared again, with coverage counters (see {@link WasiCoverage}); runners
     * derived from this one share that preparation.
     *
     * @param directory where the coverage files are; made when the first run ends
     * @return a new runner; this one is unchanged
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public WasiRunner withCoverage(Path directory) {
        return new WasiRunner(runner.counted(CoverageFiles.in(Objects.requireNonNull(directory, "directory"))));
    }

    /**
     * This runner with the given engine instead of the configured one ({@code wasmguest.engine}, default
     * {@link WasiEngine#AUTO}).
     *
     * @param engine how to execute the guest
     * @return a new runner; this one is unchanged
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public WasiRunner withEngine(WasiEngine engine) {
        return with(runner.spec().withEngine(Objects.requireNonNull(engine, "engine")));
    }

    /**
     * This runner with a timeout per run instead of the configured one ({@code wasmguest.timeout}, default 60 s):
     * a guest still running then is stopped and its result {@link WasiResult#timedOut() timed out}. The timeout
     * starts when the guest starts: preparing its module is bounded separately ({@link #withPrepareTimeout}).
     *
     * @param timeout the longest a run may take; positive
     * @return a new runner; this one is unchanged
     * @throws IllegalArgumentException when the timeout is not positive
     */
    public WasiRunner withTimeout(Duration timeout) {
        return withLimits(limits -> limits.withTimeout(positive(timeout, "timeout")));
    }

    /**
     * This runner with a bound on how long a run waits, before it starts, for its module to be prepared, instead of
     * the configured one ({@code wasmguest.prepare.timeout}, default 10 minutes): resolved (downloaded, read),
     * parsed and, for {@link WasiEngine#COMPILER}, translated. A run that waits longer fails with a
     * {@link GuestResolutionException}; the preparation goes on in the background for later runs.
     *
     * @param timeout the longest a run waits for its module; positive
     * @return a new runner; this one is unchanged
     * @throws IllegalArgumentException when the timeout is not positive
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public WasiRunner withPrepareTimeout(Duration timeout) {
        return withLimits(limits -> limits.withPrepareTimeout(positive(timeout, "prepare timeout")));
    }

    /**
     * This runner with a memory limit instead of the configured one ({@code wasmguest.maxMemory}, default 512 MiB),
     * rounded down to whole 64 KiB pages: growing memory beyond it fails inside the guest (C's {@code malloc}
     * returns {@code NULL}).
     *
     * @param bytes the most memory the guest may have, in bytes; not negative
     * @return a new runner; this one is unchanged
     * @throws IllegalArgumentException when {@code bytes} is negative
     */
    public WasiRunner withMaxMemory(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxMemory must not be negative, got " + bytes);
        }
        return withLimits(limits -> limits.withMaxMemoryBytes(bytes));
    }

    /**
     * This runner with a capture limit per output stream instead of the configured one ({@code
     * wasmguest.output.max}, default 16 MiB); output beyond it is dropped and the result says so.
     *
     * @param bytes the most bytes kept of stdout, and of stderr; not negative
     * @return a new runner; this one is unchanged
     * @throws IllegalArgumentException when {@code bytes} is negative
     */
    public WasiRunner withMaxOutput(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxOutput must not be negative, got " + bytes);
        }
        return withLimits(limits -> limits.withMaxOutputBytes(bytes));
    }

    /**
     * This runner with a bound on the bytes of files its mounted host directories may hold together, instead of the
     * configured one ({@code wasmguest.mount.maxBytes}, default 256 MiB). The guest works on an in-memory copy of
     * them: a run whose directories hold more fails at once, naming the directory and the bound, rather than filling
     * the heap.
     *
     * @param bytes the most bytes of files the directories may hold; not negative
     * @return a new runner; this one is unchanged
     * @throws IllegalArgumentException when {@code bytes} is negative
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public WasiRunner withMaxMountBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxMountBytes must not be negative, got " + bytes);
        }
        return withLimits(limits -> limits.withMaxMountBytes(bytes));
    }

    /**
     * This runner with the guest's clocks driven by {@code clock}: the wall clock reads it, and the monotonic clock
     * counts from 0 at the start of each run by the clock's progress plus 1 µs per reading. With
     * {@link java.time.Clock#fixed} every run sees the same times. Default: the host's clocks, unless
     * {@code wasmguest.clock} fixes them (an ISO-8601 instant).
     *
     * @param clock the clock the guest reads
     * @return a new runner; this one is unchanged
     */
    public WasiRunner withClock(Clock clock) {
        return with(runner.spec().withClock(Objects.requireNonNull(clock, "clock")));
    }

    /**
     * This runner with the guest's random source ({@code random_get}) seeded: every run gets the same bytes.
     * Default: unpredictable, unless {@code wasmguest.random.seed} sets a seed.
     *
     * @param seed the seed
     * @return a new runner; this one is unchanged
     */
    public WasiRunner withRandomSeed(long seed) {
        return with(runner.spec().withRandomSeed(seed));
    }

    /**
     * Runs the guest once, as configured, in a fresh instance, and waits for it to exit or trap.
     *
     * <p>First the module is prepared, if no earlier run of this module prepared it: resolved (downloaded, read),
     * parsed and, for {@link WasiEngine#COMPILER}, translated or loaded from the compiled-code cache. That happens
     * on threads of its own, is not part of the run's timeout or {@link WasiResult#duration() duration}, and is
     * bounded by {@code wasmguest.prepare.timeout} (default 10 minutes); {@link WasiResult#preparation()} says how
     * long this run waited for it. Then the run starts: it ends when the guest exits, traps or reaches its timeout;
     * it never hangs the caller for longer.
     *
     * <p>The run executes on the calling thread (a guest needing a deeper stack than that thread has is run again on
     * a large-stack thread), which is left as it was: the interrupt that stops a timed-out guest is cleared before
     * this method returns. Interrupting the calling thread stops the guest too, or ends the wait for the module's
     * preparation (which goes on for later runs); the result is then {@link WasiOutcome#TIMED_OUT} and the thread
     * stays interrupted.
     *
     * @return how the run ended and what it wrote; never {@code null}
     * @throws GuestResolutionException when the module cannot be loaded, or its preparation takes longer than
     *         {@code wasmguest.prepare.timeout}
     * @throws IllegalArgumentException when the module's initial memory exceeds the memory limit, or the mounted
     *         host directories hold more than {@code wasmguest.mount.maxBytes}
     */
    public WasiResult run() {
        return runner.run();
    }

    /**
     * Runs the guest once with these arguments instead of the configured ones; see {@link #run()}.
     *
     * @param args the arguments after {@code argv[0]}
     * @return how the run ended and what it wrote; never {@code null}
     */
    public WasiResult run(String... args) {
        return withArgs(args).run();
    }

    /**
     * Makes one instance of the guest to call its exported functions, as a library module (a WASI reactor, which
     * exports {@code _initialize} instead of {@code _start}) or a component is used: prepares the guest as {@link
     * #run()} does, instantiates it with what this runner grants (arguments, environment, stdin, directories) and its
     * limits, and runs {@code _initialize} when a module exports it; see {@link WasiInstance#initialization()}. A
     * component's functions take Java values for their WIT types: {@link WasiInstance#call(String, Object...)}.
     *
     * @return the instance, to be closed; never {@code null}
     * @throws GuestResolutionException when the guest cannot be loaded, imports functions nobody provides (see
     *         {@link #withUnknownImports}; a component's imports must be WASI 0.2's), or the calling thread is
     *         interrupted while waiting for it (its interrupt status is kept)
     * @throws IllegalArgumentException when the module's initial memory exceeds the memory limit, or the mounted
     *         host directories hold more than {@code wasmguest.mount.maxBytes}
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public WasiInstance instantiate() {
        return new WasiInstance(runner.instantiate(), source());
    }

    /**
     * A runner that answers the guest's calls of the imported function {@code module}.{@code name} with {@code
     * function}: for modules that import functions besides WASI's, such as the host functions an interpreter built
     * for the web expects.
     *
     * @param module the import's module name, e.g. {@code "env"}
     * @param name the import's name
     * @param function what answers the calls; must be thread-safe
     * @return a new runner; never {@code null}
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public WasiRunner withHostFunction(String module, String name, WasmHostFunction function) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        return with(runner.spec().withImports(runner.spec().imports().withFunction(module, name, function::call)));
    }

    /**
     * A runner that treats the functions the module imports, that neither WASI nor {@link #withHostFunction}
     * provides, as {@code unknownImports} says; the default is configuration key {@code wasmguest.imports.unknown},
     * else {@link UnknownImports#FAIL}.
     *
     * @param unknownImports what becomes of them
     * @return a new runner; never {@code null}
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public WasiRunner withUnknownImports(UnknownImports unknownImports) {
        Objects.requireNonNull(unknownImports, "unknownImports");
        return with(runner.spec().withImports(runner.spec().imports().withPolicy(unknownImports)));
    }

    /**
     * Prepares the module now, unless an earlier run or call did: resolves it (downloads or reads it) and parses and
     * validates it, so that a missing or malformed module fails here, naming the module, rather than in the first
     * run. Translation for the compiler engine goes on in the background. Useful in a {@code @BeforeAll} method, to
     * keep the preparation out of the first test.
     *
     * @return this runner
     * @throws GuestResolutionException when the module cannot be loaded, or the calling thread is interrupted while
     *         waiting (its interrupt status is kept)
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public WasiRunner prepare() {
        runner.guest().get();
        return this;
    }

    /**
     * The module's source as named: URL, path or classpath resource.
     *
     * @return the source, e.g. {@code classpath:guests/seed.wasm}; never {@code null}
     */
    public String source() {
        return runner.guest().source().describe();
    }

    /** The runner's module and arguments, e.g. {@code WasiRunner[classpath:guests/seed.wasm [a, b]]}. */
    @Override
    public String toString() {
        return "WasiRunner[" + source() + " " + runner.spec().args() + "]";
    }

    private static Duration positive(Duration timeout, String what) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + timeout);
        }
        return timeout;
    }

    private static List<String> copyOf(String[] args) {
        Objects.requireNonNull(args, "args");
        Arrays.stream(args).forEach(arg -> Objects.requireNonNull(arg, "args must not contain null"));
        return List.of(args);
    }
}
