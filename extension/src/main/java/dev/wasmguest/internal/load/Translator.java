package dev.wasmguest.internal.load;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.objectweb.asm.MethodTooLargeException;
import run.endive.compiler.Cache;
import run.endive.compiler.InterpreterFallback;
import run.endive.compiler.MachineFactoryCompiler;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.ExternalType;

/**
 * Translates a module to JVM bytecode with Endive's compiler, in one pass where Endive alone would make many.
 *
 * <p>A JVM method holds at most 64 KiB of bytecode. When a function does not fit, Endive's compiler (in its
 * interpreter-fallback mode) marks it for its interpreter and starts the whole module again: yosys, 22 such
 * functions among 34,000, was translated 23 times over (140 s instead of 22 s). So functions whose WebAssembly body
 * is larger than {@link #LIKELY_TOO_LARGE} are given to the interpreter up front, and a function that still does not
 * fit is added and the translation repeated, as Endive would. The threshold trades a few functions that might just
 * have fit (three in yosys, interpreted instead of compiled) for not repeating a multi-second pass.
 */
final class Translator {

    private static final System.Logger LOG = System.getLogger(Translator.class.getName());

    /**
     * WebAssembly bodies above this many bytes are left to the interpreter without trying: in yosys every function
     * that overflowed a JVM method had a body of at least 52,736 bytes, and none below 50,000 overflowed.
     */
    static final int LIKELY_TOO_LARGE = 50_000;

    /**
     * Functions per generated class. The JVM verifies a class whole when one of its methods is first called;
     * Endive's default (12,288) put yosys's 34,000 functions into 6 classes of 6 MB, all verified by the first run
     * of a new JVM. Small classes make a run verify little more than the functions it reaches.
     */
    static final int FUNCTIONS_PER_CLASS = 256;

    /** How we configure Endive's compiler and what we add to its classes: part of the compiled-code cache key. */
    static final String OPTIONS = "interpret-above=" + LIKELY_TOO_LARGE + ";functions-per-class=" + FUNCTIONS_PER_CLASS
            + ";" + GeneratedMethods.VERSION;

    private static final String FUNCTION_METHOD = "func_";

    private Translator() {}

    /**
     * The module's compiled classes as a jar, with the functions left to the interpreter: what the compiled-code
     * cache stores, and what {@link CompiledCode#load} defines.
     *
     * @param module a validated module with every body decoded
     * @param layout the same module's layout, for the size of each body
     * @throws WasmEngineException when Endive's compiler rejects the module
     */
    static CompiledCodeCache.Entry translate(WasmModule module, ModuleLayout layout) {
        return translate(module, layout, LIKELY_TOO_LARGE);
    }

    /** Like {@link #translate(WasmModule, ModuleLayout)}, interpreting up front the bodies above {@code screen}. */
    static CompiledCodeCache.Entry translate(WasmModule module, ModuleLayout layout, int screen) {
        int imported = module.importSection().count(ExternalType.FUNCTION);
        SortedSet<Integer> interpreted = likelyTooLarge(imported, layout, screen);
        while (true) {
            try {
                // With the line numbers that backtraces read, once for every later JVM.
                byte[] jar = GeneratedMethods.numbered(compile(module, interpreted));
                return new CompiledCodeCache.Entry(imported, new ArrayList<>(interpreted), jar);
            } catch (WasmEngineException e) {
                Optional<Integer> tooLarge = tooLargeFunction(e);
                if (tooLarge.isEmpty() || !interpreted.add(tooLarge.get())) {
                    throw e;
                }
                LOG.log(
                        Level.DEBUG,
                        () -> "function " + tooLarge.get() + " of " + layout.bodyCount()
                                + " does not fit a JVM method: translating again with it interpreted");
            }
        }
    }

    /**
     * The jar of classes Endive's compiler makes of {@code module}, with the functions at {@code interpreted} left
     * to its interpreter.
     *
     * @throws WasmEngineException when Endive's compiler rejects the module, or one of its functions does not fit a JVM
     *         method
     */
    static byte[] compile(WasmModule module, Set<Integer> interpreted) {
        JarCapture capture = new JarCapture();
        MachineFactoryCompiler.builder(module)
                .withInterpretedFunctions(interpreted)
                .withInterpreterFallback(InterpreterFallback.FAIL)
                .withMaxFunctionsPerClass(FUNCTIONS_PER_CLASS)
                .withCache(capture)
                .compile();
        if (capture.jar == null) {
            throw new IllegalStateException("Endive's compiler handed out no classes");
        }
        return capture.jar;
    }

    private static SortedSet<Integer> likelyTooLarge(int imported, ModuleLayout layout, int screen) {
        SortedSet<Integer> functions = new TreeSet<>();
        for (int body = 0; body < layout.bodyCount(); body++) {
            if (layout.bodySize(body) > screen) {
                functions.add(imported + body);
            }
        }
        return functions;
    }

    private static Optional<Integer> tooLargeFunction(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MethodTooLargeException) {
                String method = ((MethodTooLargeException) cause).getMethodName();
                if (method.startsWith(FUNCTION_METHOD)) {
                    try {
                        return Optional.of(Integer.valueOf(method.substring(FUNCTION_METHOD.length())));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Receives the jar of classes Endive's compiler made, the only way its API hands them out. */
    private static final class JarCapture implements Cache {
        private byte[] jar;

        @Override
        public byte[] get(String key) {
            return null;
        }

        @Override
        public void putIfAbsent(String key, byte[] classes) {
            jar = classes;
        }
    }
}
