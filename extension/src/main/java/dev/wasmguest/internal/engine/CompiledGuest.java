package dev.wasmguest.internal.engine;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.NameCustomSection;
import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.internal.util.Lazy;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A parsed, validated WASI command, and its compiled machine factory once a run in compiler mode asked for it.
 * Created once per module and JVM, shared by every run and thread: Chicory's parsed module and compiled factory
 * are immutable, and every run builds its own {@link Instance}.
 */
public final class CompiledGuest {

    private static final System.Logger LOG = System.getLogger(CompiledGuest.class.getName());

    /**
     * How we configure Chicory's compiler; part of the compiled-code cache key, so classes compiled with other
     * options are never loaded.
     */
    static final String COMPILER_OPTIONS = "fallback=interpreter";

    private static final int LISTED_FUNCTIONS = 10;

    private final String source;
    private final String fileName;
    private final String sha256;
    private final WasmModule module;
    private final Optional<Cache> compiledCode;
    private final Lazy<Function<Instance, Machine>> machineFactory = Lazy.of(this::compile);
    private final Lazy<ExecutorService> runThreads = Lazy.of(this::newRunThreads);
    private final Lazy<Deadlines> deadlines = Lazy.of(() -> new Deadlines("wasmguest-timer " + fileName()));

    CompiledGuest(String source, String fileName, String sha256, WasmModule module, Optional<Cache> compiledCode) {
        this.source = source;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.module = module;
        this.compiledCode = compiledCode;
    }

    /** How messages name the module. */
    public String source() {
        return source;
    }

    /** The default {@code argv[0]}. */
    public String fileName() {
        return fileName;
    }

    public String sha256() {
        return sha256;
    }

    public WasmModule module() {
        return module;
    }

    /** The memory the module declares, if it has one of its own. */
    Optional<MemoryLimits> declaredMemory() {
        return module.memorySection().filter(section -> section.memoryCount() > 0)
                .map(section -> section.getMemory(0).limits());
    }

    /** The machine factory of Chicory's compiler; the module is translated on the first call, then shared. */
    public Function<Instance, Machine> machineFactory() {
        return machineFactory.get();
    }

    /**
     * The threads this module's runs execute on when the caller's stack is too small for them: large-stack daemon
     * threads, made on demand and kept for 30 s of idleness.
     */
    ExecutorService runThreads() {
        return runThreads.get();
    }

    /** Stops this module's runs at their timeouts. */
    Deadlines deadlines() {
        return deadlines.get();
    }

    private ExecutorService newRunThreads() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(null, task, "wasmguest " + fileName + " #" + count.incrementAndGet(),
                    GuestExecution.STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
    }

    private Function<Instance, Machine> compile() {
        long start = System.nanoTime();
        RecordingCache cache = new RecordingCache(compiledCode, COMPILER_OPTIONS);
        Function<Instance, Machine> factory;
        try (cache) {
            // SILENT: Chicory would print each function it cannot compile to the JVM's stderr; we log them instead.
            factory = MachineFactoryCompiler.builder(module).withInterpreterFallback(InterpreterFallback.SILENT)
                    .withCache(cache).compile();
        } catch (ChicoryException e) {
            throw new GuestResolutionException(source, "Chicory's compiler rejected the module: " + e.getMessage()
                    + "; try wasmguest.engine=interpreter", e);
        }
        LOG.log(Level.DEBUG, () -> "Guest module " + source + (cache.loaded() ? ": loaded its compiled code in "
                : ": translated in ") + (System.nanoTime() - start) / 1_000_000 + " ms");
        logInterpretedFunctions(cache);
        return factory;
    }

    private void logInterpretedFunctions(RecordingCache compilation) {
        List<Integer> interpreted;
        try {
            interpreted = compilation.interpretedFunctions();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Cannot tell which functions of " + source + " Chicory interprets", e);
            return;
        }
        if (!interpreted.isEmpty()) {
            LOG.log(Level.INFO, () -> "Guest module " + source + ": " + describe(interpreted)
                    + " too large for one JVM method, so Chicory runs " + (interpreted.size() == 1 ? "it" : "them")
                    + " in its interpreter (slower than compiled code): " + names(interpreted));
        }
    }

    private static String describe(List<Integer> functions) {
        return functions.size() == 1 ? "1 function is" : functions.size() + " functions are";
    }

    private String names(List<Integer> functions) {
        NameCustomSection names = module.nameSection();
        String listed = functions.stream().limit(LISTED_FUNCTIONS).map(index -> {
            String name = names == null ? null : names.nameOfFunction(index);
            return name == null ? "function " + index : "function " + index + " (" + name + ")";
        }).collect(Collectors.joining(", "));
        return functions.size() > LISTED_FUNCTIONS
                ? listed + " and " + (functions.size() - LISTED_FUNCTIONS) + " more" : listed;
    }
}
