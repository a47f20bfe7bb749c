package dev.wasmguest.internal.load;

import dev.wasmguest.internal.trace.CallSite;
import dev.wasmguest.internal.trace.InstructionLocator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.FunctionBody;
import run.endive.wasm.types.OpCode;

/**
 * Which WebAssembly instruction each numbered line of a compiled function stands for ({@link GeneratedMethods}),
 * worked out the first time a trap's stack holds the function, and kept.
 *
 * <p>How: the functions in question are compiled again, alone in a copy of the module whose other bodies are a bare
 * {@code unreachable}, each of their instructions that can trap or call preceded by a marker, {@code i64.const
 * (MARKER | its offset in the module); drop}, which Endive compiles to {@code LDC2_W; POP2}. Without the markers
 * the compiled method is the one that ran, instruction for instruction: the line of a frame is the position of an
 * instruction in it, and the marker before that instruction names the WebAssembly instruction. A function whose code
 * compiled with markers differs from the code that ran (its fingerprint says so) is left unknown rather than
 * guessed. Costs nothing until a guest traps; then one compilation of a module of small bodies. Thread-safe.
 */
final class InstructionMap implements InstructionLocator {

    private static final System.Logger LOG = System.getLogger(InstructionMap.class.getName());

    /** {@code unreachable} and {@code end}, no locals: a valid body for any function type. */
    private static final byte[] BARE_BODY = {0x00, 0x00, 0x0b};

    private static final long[] UNKNOWN = new long[0];

    private final String source;
    private final byte[] bytes;
    private final int importedFunctions;
    private final CompiledCode code;
    /** By function index: the module offset for each counted instruction; {@link #UNKNOWN} when not known. */
    private final Map<Integer, long[]> byFunction = new ConcurrentHashMap<>();

    InstructionMap(String source, byte[] bytes, int importedFunctions, CompiledCode code) {
        this.source = source;
        this.bytes = bytes;
        this.importedFunctions = importedFunctions;
        this.code = code;
    }

    @Override
    public long[] offsets(int[] functions, int[] lines) {
        Set<Integer> missing = new HashSet<>();
        for (int function : functions) {
            if (!byFunction.containsKey(function)) {
                missing.add(function);
            }
        }
        if (!missing.isEmpty()) {
            map(missing);
        }
        long[] offsets = new long[functions.length];
        for (int i = 0; i < functions.length; i++) {
            long[] known = byFunction.getOrDefault(functions[i], UNKNOWN);
            int index = GeneratedMethods.indexOfLine(lines[i]);
            offsets[i] = index >= 0 && index < known.length ? known[index] : CallSite.UNKNOWN_OFFSET;
        }
        return offsets;
    }

    /** Maps the {@code functions} not mapped yet, in one compilation; one trap at a time does it. */
    private synchronized void map(Set<Integer> functions) {
        SortedSet<Integer> bodies = new TreeSet<>();
        for (int function : functions) {
            if (!byFunction.containsKey(function)
                    && function >= importedFunctions
                    && code.fingerprints().containsKey(function)
                    && !code.interpreted().contains(function)) {
                bodies.add(function - importedFunctions);
            }
        }
        Map<Integer, long[]> mapped = new HashMap<>();
        if (!bodies.isEmpty()) {
            try {
                mapped.putAll(compileMarked(bodies));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError failed) {
                // a backtrace without instructions is better than a failed run
                LOG.log(
                        Level.DEBUG,
                        () -> "Guest module " + source + ": cannot tell the instructions of its compiled frames",
                        failed);
            }
        }
        for (int function : functions) {
            byFunction.putIfAbsent(function, mapped.getOrDefault(function, UNKNOWN));
        }
    }

    private Map<Integer, long[]> compileMarked(SortedSet<Integer> bodies) {
        ModuleLayout layout = ModuleLayout.of(bytes);
        byte[] decoded = layout.moduleOfBodies(bodies);
        WasmModule parsed =
                Parser.builder().withValidation(false).build().parse(() -> new ByteArrayInputStream(decoded));
        ModuleLayout decodedLayout = ModuleLayout.of(decoded);
        Map<Integer, byte[]> marked = new HashMap<>();
        int next = 0;
        for (int body : bodies) {
            // The parse of the extract numbers its instructions by offsets in the extract: shift them home.
            long shift = (long) layout.bodyStart(body) - decodedLayout.bodyStart(next);
            marked.put(body, markedBody(layout, body, parsed.codeSection().getFunctionBody(next), shift));
            next++;
        }
        WasmModule skeleton = Parser.builder()
                .withValidation(false)
                .build()
                .parse(() -> new ByteArrayInputStream(layout.withBodies(marked, BARE_BODY)));
        byte[] jar = Translator.compile(skeleton, new TreeSet<>(code.interpreted()));
        return markedOffsets(jar, bodies);
    }

    /** The body's contents (after its size) with a marker before each instruction that can trap or call. */
    private byte[] markedBody(ModuleLayout layout, int body, FunctionBody decoded, long shift) {
        List<AnnotatedInstruction> instructions = decoded.instructions();
        int start = layout.bodyStart(body);
        int end = layout.bodyEnd(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int first = (int) (instructions.get(0).address() + shift);
        out.write(bytes, start, first - start); // the locals
        for (int i = 0; i < instructions.size(); i++) {
            int at = (int) (instructions.get(i).address() + shift);
            int until =
                    i + 1 < instructions.size() ? (int) (instructions.get(i + 1).address() + shift) : end;
            if (canTrapOrCall(instructions.get(i).opcode())) {
                out.write(0x42); // i64.const
                ModuleLayout.writeS64(out, GeneratedMethods.MARKER | at);
                out.write(0x1a); // drop
            }
            out.write(bytes, at, until - at);
        }
        return out.toByteArray();
    }

    /**
     * Only these are marked: a marker between other instructions could change how Endive compiles them (it folds
     * constants into the instructions that use them), and only these can be where a frame stands.
     */
    static boolean canTrapOrCall(OpCode opcode) {
        String name = opcode.name();
        return name.startsWith("CALL")
                || name.startsWith("RETURN_CALL")
                || name.contains("LOAD")
                || name.contains("STORE")
                || name.startsWith("MEMORY_")
                || name.startsWith("TABLE_")
                || name.contains("_DIV_")
                || name.contains("_REM_")
                || name.contains("TRUNC") && !name.contains("TRUNC_SAT")
                || name.equals("UNREACHABLE")
                || name.startsWith("THROW");
    }

    /** For each marked function whose code matches the code that ran: the offset of each counted instruction. */
    private Map<Integer, long[]> markedOffsets(byte[] jar, Set<Integer> bodies) {
        Map<Integer, long[]> offsets = new HashMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                ClassNode type = new ClassNode();
                new ClassReader(in.readAllBytes()).accept(type, ClassReader.SKIP_FRAMES);
                for (MethodNode method : type.methods) {
                    int function = GeneratedMethods.functionIndex(method.name);
                    if (function >= 0 && bodies.contains(function - importedFunctions)) {
                        GeneratedMethods.Marked marked = GeneratedMethods.marked(method);
                        if (code.fingerprints().get(function).intValue() == marked.fingerprint()) {
                            offsets.put(function, marked.offsets());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return offsets;
    }
}
