package dev.wasmguest.internal.load;

import dev.wasmguest.internal.load.CodeTree.Body;
import dev.wasmguest.internal.load.CodeTree.Encoded;
import dev.wasmguest.internal.load.CodeTree.Item;
import dev.wasmguest.internal.util.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import run.endive.wasm.MalformedException;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.SectionId;

/**
 * Splits the functions too large for one JVM method into functions that fit, so that Endive's compiler compiles
 * them instead of leaving them to its interpreter: in yosys, 25 such functions held most of a warm {@code synth}'s
 * time (measured in docs/performance.md). {@link Outliner} moves structured code of a large function into functions
 * of their own ("parts"), added after the module's functions with their types after its types; nothing else moves, so
 * every index the module uses stays as it was, and the copy behaves as the original does.
 *
 * <p>What a frame of the copy was at is told in the original's terms: {@link Split#offsets()} maps its code offsets
 * to the original's, and {@link Split#originalFunction(int)} a part to the function it came from.
 */
final class FunctionSplitter {

    /**
     * Bodies above this size are split: those {@link Translator} would give to the interpreter up front (50,000
     * bytes), and smaller ones that may not fit a JVM method either (ruby.wasm has one of 44,727 bytes that does not;
     * a method holds 1.2-1.5 bytes of bytecode per byte of WebAssembly in yosys and ruby.wasm).
     */
    static final int SPLIT_ABOVE = 32_000;

    /** The most code a function keeps, and a part holds, where its structure allows (bytes of WebAssembly). */
    static final int BUDGET = 16_000;

    /** How a copy is made: part of its {@link #key}. Change the number when the copy of a module would change. */
    private static final String VERSION = "split-2;" + SPLIT_ABOVE + ";" + BUDGET;

    private static final int FUNCTION_TYPE = 0x60;

    private FunctionSplitter() {}

    /** Whether the module has a function body {@link #split} would split, as far as its layout tells. */
    static boolean hasLargeFunctions(byte[] bytes) {
        try {
            return !largeBodies(ModuleLayout.of(bytes), SPLIT_ABOVE).isEmpty();
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** The indices into the code section of the bodies over {@code splitAbove} bytes. */
    private static List<Integer> largeBodies(ModuleLayout layout, int splitAbove) {
        List<Integer> large = new ArrayList<>();
        for (int body = 0; body < layout.bodyCount(); body++) {
            if (layout.bodySize(body) > splitAbove) {
                large.add(body);
            }
        }
        return large;
    }

    /**
     * What the caches call the module {@link #split} makes of the module of {@code sha256}, without hashing it: the
     * split is a function of the module and of this class's {@link #VERSION}. Where the module has nothing to split,
     * the same key names the module itself.
     */
    static String key(String sha256) {
        return Sha256.hex((sha256 + ";" + VERSION).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A module with its large functions split, where it has functions to split; empty when it has none, or none whose
     * code splitting follows (exception handling, GC types).
     *
     * @param bytes a module; a malformed one is left to its parse to report
     */
    static Optional<Split> split(byte[] bytes) {
        return split(bytes, SPLIT_ABOVE, BUDGET);
    }

    /** Like {@link #split(byte[])}, splitting the bodies above {@code splitAbove} bytes into parts of {@code budget}. */
    static Optional<Split> split(byte[] bytes, int splitAbove, int budget) {
        try {
            ModuleLayout layout = ModuleLayout.of(bytes);
            List<Integer> large = largeBodies(layout, splitAbove);
            return large.isEmpty() ? Optional.empty() : new Splitting(bytes, layout, budget).split(large);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /**
     * The split module, where its code came from, and which function each part came from.
     *
     * @param firstPart the index of the first part's function
     * @param partOf by part, the function it came from
     */
    record Split(byte[] bytes, OriginalOffsets offsets, int firstPart, int[] partOf) {

        /** The function of the original that function {@code function} of the copy is, or is part of. */
        int originalFunction(int function) {
            return function >= firstPart && function - firstPart < partOf.length
                    ? partOf[function - firstPart]
                    : function;
        }
    }

    /** One module's splitting. */
    private static final class Splitting implements Outliner.Module {
        private final byte[] bytes;
        private final ModuleLayout layout;
        /** The module's function types as (params, results), then the parts'. */
        private final List<List<List<Integer>>> types = new ArrayList<>();

        private final Map<List<List<Integer>>, Integer> typeIndex = new HashMap<>();
        private final int originalTypes;
        private final int[] functionTypes;
        private final int imported;
        private final Map<Integer, byte[]> replaced = new TreeMap<>();
        private final Map<Integer, Encoded> replacedOrigins = new HashMap<>();
        private final List<byte[]> parts = new ArrayList<>();
        private final List<Encoded> partOrigins = new ArrayList<>();
        private final List<Integer> partTypes = new ArrayList<>();
        private final List<Integer> partOf = new ArrayList<>();
        private final int budget;
        private int splitting;

        Splitting(byte[] bytes, ModuleLayout layout, int budget) {
            this.bytes = bytes;
            this.layout = layout;
            this.budget = budget;
            byte[][] sections = new byte[SectionId.TAG + 1][];
            ModuleLayout.walk(bytes, (id, start, end) -> {
                if (id == SectionId.TYPE || id == SectionId.FUNCTION) {
                    sections[id] = Arrays.copyOfRange(bytes, start, end);
                }
            });
            this.originalTypes = sections[SectionId.TYPE] == null ? -1 : readTypes(sections[SectionId.TYPE]);
            this.functionTypes =
                    sections[SectionId.FUNCTION] == null ? new int[0] : readFunctions(sections[SectionId.FUNCTION]);
            this.imported = importedFunctions(bytes);
        }

        Optional<Split> split(List<Integer> large) {
            if (originalTypes < 0 || functionTypes.length != layout.bodyCount()) {
                return Optional.empty();
            }
            for (int body : large) {
                try {
                    splitBody(body);
                } catch (StackOverflowError nestedTooDeep) {
                    // this body stays whole (for the interpreter); a part made of it so far is unused, and harmless
                }
            }
            if (parts.isEmpty()) {
                return Optional.empty();
            }
            byte[] copy = module();
            OriginalOffsets.Builder offsets = new OriginalOffsets.Builder(layout);
            for (int body = 0; body < layout.bodyCount(); body++) {
                Encoded origins = replacedOrigins.get(body);
                if (origins == null) {
                    offsets.copied(body, 0, layout.bodyStart(body), layout.bodyEnd(body) - layout.bodyStart(body));
                } else {
                    origins.addTo(offsets, body, 0);
                }
            }
            for (int part = 0; part < parts.size(); part++) {
                partOrigins.get(part).addTo(offsets, layout.bodyCount() + part, 0);
            }
            return Optional.of(new Split(
                    copy,
                    offsets.build(ModuleLayout.of(copy)),
                    imported + layout.bodyCount(),
                    partOf.stream().mapToInt(Integer::intValue).toArray()));
        }

        private void splitBody(int body) {
            List<List<Integer>> type = types.get(functionTypes[body]);
            ModuleLayout.Reader reader = new ModuleLayout.Reader(bytes, layout.bodyStart(body));
            int entries = reader.u32();
            List<Integer> locals = new ArrayList<>(type.get(0));
            for (int i = 0; i < entries; i++) {
                int count = reader.u32();
                int valueType = reader.u8();
                if (!simpleValueType(valueType) || count > 50_000 || locals.size() + count > 50_000) {
                    return;
                }
                locals.addAll(Collections.nCopies(count, valueType));
            }
            int code = reader.position;
            Optional<Body> read = CodeTree.read(bytes, code, layout.bodyEnd(body));
            if (read.isEmpty()) {
                return;
            }
            splitting = imported + body;
            Outliner outliner = new Outliner(this, budget, locals, type.get(1));
            List<Item> reduced = outliner.split(read.get().code());
            if (outliner.parts() == 0) {
                return;
            }
            int bodyStart = layout.bodyStart(body);
            Encoded encoded = new Encoded(bytes);
            List<Integer> added =
                    outliner.locals().subList(locals.size(), outliner.locals().size());
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            ModuleLayout.writeU32(header, entries + added.size());
            int entriesStart = lengthEnd(bodyStart);
            header.write(bytes, entriesStart, code - entriesStart);
            for (int valueType : added) {
                header.write(1);
                header.write(valueType);
            }
            encoded.write(header.toByteArray(), 0, header.size(), bodyStart);
            CodeTree.writeAll(reduced, encoded);
            encoded.write(new byte[] {0x0b}, 0, 1, read.get().endOrigin());
            replaced.put(body, encoded.bytes.toByteArray());
            replacedOrigins.put(body, encoded);
        }

        /** Where a body's count of local entries ends. */
        private int lengthEnd(int bodyStart) {
            ModuleLayout.Reader reader = new ModuleLayout.Reader(bytes, bodyStart);
            reader.u32();
            return reader.position;
        }

        @Override
        public int params(int type) {
            return types.get(type).get(0).size();
        }

        @Override
        public int results(int type) {
            return types.get(type).get(1).size();
        }

        @Override
        public int addPart(List<Integer> params, List<Integer> results, List<Integer> locals, List<Item> code) {
            List<List<Integer>> signature = List.of(List.copyOf(params), List.copyOf(results));
            int type = typeIndex.computeIfAbsent(signature, added -> {
                types.add(added);
                return types.size() - 1;
            });
            int origin = code.isEmpty() ? layout.bodyStart(splitting - imported) : origin(code.get(0));
            Encoded encoded = new Encoded(bytes);
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            ModuleLayout.writeU32(header, locals.size());
            for (int valueType : locals) {
                header.write(1);
                header.write(valueType);
            }
            encoded.write(header.toByteArray(), 0, header.size(), origin);
            CodeTree.writeAll(code, encoded);
            encoded.write(new byte[] {0x0b}, 0, 1, origin);
            parts.add(encoded.bytes.toByteArray());
            partOrigins.add(encoded);
            partTypes.add(type);
            partOf.add(splitting);
            return imported + layout.bodyCount() + parts.size() - 1;
        }

        private static int origin(Item item) {
            return item instanceof CodeTree.Op op
                    ? op.origin()
                    : ((CodeTree.Node) item).open().origin();
        }

        /** The module with the split bodies, the parts, and their types. */
        private byte[] module() {
            ByteArrayOutputStream module = new ByteArrayOutputStream(bytes.length + bytes.length / 8);
            module.write(bytes, 0, 8);
            ModuleLayout.walk(bytes, (id, start, end) -> {
                if (id == SectionId.TYPE) {
                    writeSection(module, id, appended(start, end, typeEntries()));
                } else if (id == SectionId.FUNCTION) {
                    writeSection(module, id, appended(start, end, functionEntries()));
                } else if (id == SectionId.CODE) {
                    writeSection(module, id, code());
                } else {
                    writeSection(module, id, Arrays.copyOfRange(bytes, start, end));
                }
            });
            return module.toByteArray();
        }

        /** A vector section's contents with {@code added} entries after its own. */
        private byte[] appended(int start, int end, List<byte[]> added) {
            ModuleLayout.Reader reader = new ModuleLayout.Reader(bytes, start);
            int count = reader.u32();
            ByteArrayOutputStream section = new ByteArrayOutputStream(end - start + added.size() * 8);
            ModuleLayout.writeU32(section, count + added.size());
            section.write(bytes, reader.position, end - reader.position);
            added.forEach(section::writeBytes);
            return section.toByteArray();
        }

        private List<byte[]> typeEntries() {
            List<byte[]> entries = new ArrayList<>();
            for (List<List<Integer>> type : types.subList(originalTypes, types.size())) {
                ByteArrayOutputStream entry = new ByteArrayOutputStream();
                entry.write(FUNCTION_TYPE);
                for (List<Integer> valueTypes : type) {
                    ModuleLayout.writeU32(entry, valueTypes.size());
                    valueTypes.forEach(entry::write);
                }
                entries.add(entry.toByteArray());
            }
            return entries;
        }

        private List<byte[]> functionEntries() {
            List<byte[]> entries = new ArrayList<>();
            for (int type : partTypes) {
                ByteArrayOutputStream entry = new ByteArrayOutputStream();
                ModuleLayout.writeU32(entry, type);
                entries.add(entry.toByteArray());
            }
            return entries;
        }

        private byte[] code() {
            ByteArrayOutputStream code = new ByteArrayOutputStream(layout.codeBytes() + parts.size() * 1024);
            ModuleLayout.writeU32(code, layout.bodyCount() + parts.size());
            for (int body = 0; body < layout.bodyCount(); body++) {
                byte[] split = replaced.get(body);
                if (split == null) { // as it is, with its size
                    code.write(bytes, layout.bodyEnd(body) - layout.bodySize(body), layout.bodySize(body));
                } else {
                    ModuleLayout.writeU32(code, split.length);
                    code.writeBytes(split);
                }
            }
            for (byte[] part : parts) {
                ModuleLayout.writeU32(code, part.length);
                code.writeBytes(part);
            }
            return code.toByteArray();
        }

        /** Reads the type section; -1 when it holds more than plain function types (GC's recursive groups). */
        private int readTypes(byte[] section) {
            ModuleLayout.Reader reader = new ModuleLayout.Reader(section, 0);
            int count = reader.u32();
            for (int i = 0; i < count; i++) {
                if (reader.u8() != FUNCTION_TYPE) {
                    return -1;
                }
                List<List<Integer>> type = new ArrayList<>(2);
                for (int list = 0; list < 2; list++) {
                    int values = reader.u32();
                    List<Integer> valueTypes = new ArrayList<>(values);
                    for (int v = 0; v < values; v++) {
                        int valueType = reader.u8();
                        if (!simpleValueType(valueType)) {
                            return -1;
                        }
                        valueTypes.add(valueType);
                    }
                    type.add(List.copyOf(valueTypes));
                }
                types.add(List.copyOf(type));
                typeIndex.putIfAbsent(types.get(i), i);
            }
            return count;
        }

        private static int[] readFunctions(byte[] section) {
            ModuleLayout.Reader reader = new ModuleLayout.Reader(section, 0);
            int[] functions = new int[reader.u32()];
            for (int i = 0; i < functions.length; i++) {
                functions[i] = reader.u32();
            }
            return functions;
        }

        /** How many functions the module imports: the index of its first function body. */
        private static int importedFunctions(byte[] bytes) {
            int[] functions = {0};
            ModuleLayout.walk(bytes, (id, start, end) -> {
                if (id != SectionId.IMPORT) {
                    return;
                }
                ModuleLayout.Reader reader = new ModuleLayout.Reader(bytes, start);
                int count = reader.u32();
                for (int i = 0; i < count; i++) {
                    reader.skip(reader.u32()); // module name
                    reader.skip(reader.u32()); // name
                    if (reader.u8() == ExternalType.FUNCTION.id()) {
                        functions[0]++;
                    }
                    skipDescription(reader, bytes[reader.position - 1]);
                }
            });
            return functions[0];
        }

        private static void skipDescription(ModuleLayout.Reader reader, int kind) {
            switch (kind) {
                case 0x00 -> reader.u32(); // a function's type
                case 0x01 -> { // a table: its reference type, its limits
                    skipValueType(reader);
                    skipLimits(reader);
                }
                case 0x02 -> skipLimits(reader); // a memory
                case 0x03 -> { // a global: its type, its mutability
                    skipValueType(reader);
                    reader.u8();
                }
                case 0x04 -> { // a tag: its attribute, its type
                    reader.u8();
                    reader.u32();
                }
                default -> throw new MalformedException("unknown import kind " + kind);
            }
        }

        private static void skipValueType(ModuleLayout.Reader reader) {
            int type = reader.u8();
            if (type == 0x63 || type == 0x64) {
                skipLeb(reader); // the heap type
            }
        }

        private static void skipLimits(ModuleLayout.Reader reader) {
            int flags = reader.u8();
            skipLeb(reader);
            if ((flags & 0x01) != 0) {
                skipLeb(reader);
            }
            if ((flags & 0x08) != 0) {
                skipLeb(reader); // a custom page size
            }
        }

        private static void skipLeb(ModuleLayout.Reader reader) {
            while ((reader.u8() & 0x80) != 0) {
                // the next byte continues it
            }
        }

        private static boolean simpleValueType(int valueType) {
            return valueType >= 0x7b && valueType <= 0x7f || valueType == 0x70 || valueType == 0x6f;
        }

        private static void writeSection(ByteArrayOutputStream out, int id, byte[] content) {
            out.write(id);
            ModuleLayout.writeU32(out, content.length);
            out.writeBytes(content);
        }
    }
}
