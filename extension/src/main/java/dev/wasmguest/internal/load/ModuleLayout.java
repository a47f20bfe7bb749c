package dev.wasmguest.internal.load;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import run.endive.wasm.MalformedException;

/**
 * Where things are in a module's binary: its sections, and in the code section each function body. Reading this
 * costs a walk over the section and body headers, not a parse of any instruction, so that a loader can look at
 * body sizes before translating and decode only the bodies it needs.
 *
 * <p>Only the structure is checked here (sizes within bounds); everything else is left to Endive's parser.
 */
final class ModuleLayout {

    private static final int HEADER_BYTES = 8;
    private static final int TYPE = 1;
    private static final int FUNCTION = 3;
    private static final int CODE = 10;
    private static final int CUSTOM = 0;
    private static final int GLOBAL = 6;
    /** The order of the known sections in a module: the tag section (13) sits between memory and global. */
    private static final List<Integer> ORDER = List.of(1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11);

    private final byte[] bytes;
    private final int typeStart;
    private final int typeEnd;
    /** Where the code section's contents begin; -1 without one. */
    private final int codeStart;
    /** Offset of each function body's size field, then the end of the last body. */
    private final int[] bodies;

    private ModuleLayout(byte[] bytes, int typeStart, int typeEnd, int codeStart, int[] bodies) {
        this.bytes = bytes;
        this.typeStart = typeStart;
        this.typeEnd = typeEnd;
        this.codeStart = codeStart;
        this.bodies = bodies;
    }

    /**
     * @throws MalformedException when a section or body runs past the end of the module
     */
    static ModuleLayout of(byte[] bytes) {
        int[] type = {-1, -1};
        int[] codeStart = {-1};
        int[][] bodies = {{HEADER_BYTES}};
        walk(bytes, (id, start, end) -> {
            if (id == TYPE) {
                type[0] = start;
                type[1] = end;
            } else if (id == CODE) {
                codeStart[0] = start;
                bodies[0] = bodyOffsets(new Reader(bytes, start), end);
            }
        });
        return new ModuleLayout(bytes, type[0], type[1], codeStart[0], bodies[0]);
    }

    /** Receives each section of a module: its id and where its contents begin and end. */
    @FunctionalInterface
    interface Sections {
        void section(int id, int start, int end);
    }

    /**
     * Walks over a module's section headers, in order.
     *
     * @throws MalformedException when a section runs past the end of the module
     */
    static void walk(byte[] bytes, Sections sections) {
        Reader reader = new Reader(bytes, HEADER_BYTES);
        while (reader.position < bytes.length) {
            int id = reader.u8();
            int size = reader.u32();
            int start = reader.position;
            sections.section(id, start, reader.skip(size));
        }
    }

    private static int[] bodyOffsets(Reader reader, int sectionEnd) {
        int count = reader.u32();
        if (count > sectionEnd - reader.position) {
            throw new MalformedException("function body count " + count + " exceeds the code section");
        }
        int[] offsets = new int[count + 1];
        for (int i = 0; i < count; i++) {
            offsets[i] = reader.position;
            reader.skip(reader.u32());
        }
        offsets[count] = reader.position;
        if (reader.position > sectionEnd) {
            throw new MalformedException("function bodies run past the end of the code section");
        }
        return offsets;
    }

    /** The size in bytes of all function bodies together. */
    int codeBytes() {
        return bodies[bodies.length - 1] - bodies[0];
    }

    /** How many function bodies the code section holds. */
    int bodyCount() {
        return bodies.length - 1;
    }

    /** Where the code section's contents begin in the module, where DWARF's code addresses count from; -1 without one. */
    int codeStart() {
        return codeStart;
    }

    /**
     * Where the {@code index}-th body of the code section begins in the module, after its size field: where DWARF
     * says its function begins.
     */
    int bodyStart(int index) {
        Reader reader = new Reader(bytes, bodies[index]);
        reader.u32();
        return reader.position;
    }

    /** Where the {@code index}-th body of the code section ends in the module. */
    int bodyEnd(int index) {
        return bodies[index + 1];
    }

    /** The size in bytes of the {@code index}-th body of the code section (not counting imported functions). */
    int bodySize(int index) {
        return bodies[index + 1] - bodies[index];
    }

    /**
     * A module of the type section and the chosen function bodies, in ascending order: parsed by Endive, it yields
     * exactly those bodies, decoded as in the whole module, without decoding any other. (Decoding a body needs the
     * types, for block types, but not its own function's type: every body is declared with type 0.)
     *
     * @param chosen indices into the code section
     */
    byte[] moduleOfBodies(SortedSet<Integer> chosen) {
        ByteArrayOutputStream functions = new ByteArrayOutputStream();
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        writeU32(functions, chosen.size());
        writeU32(code, chosen.size());
        for (int index : chosen) {
            writeU32(functions, 0);
            code.write(bytes, bodies[index], bodySize(index));
        }
        ByteArrayOutputStream module = new ByteArrayOutputStream();
        module.write(bytes, 0, HEADER_BYTES);
        if (typeStart >= 0) {
            writeSection(module, TYPE, Arrays.copyOfRange(bytes, typeStart, typeEnd));
        }
        writeSection(module, FUNCTION, functions.toByteArray());
        writeSection(module, CODE, code.toByteArray());
        return module.toByteArray();
    }

    /**
     * This module with other function bodies: {@code replaced} ones (contents after the size field, by index into
     * the code section), and {@code otherwise} for every other; every other section as it is.
     */
    byte[] withBodies(Map<Integer, byte[]> replaced, byte[] otherwise) {
        ByteArrayOutputStream module = new ByteArrayOutputStream();
        module.write(bytes, 0, HEADER_BYTES);
        walk(bytes, (id, start, end) -> {
            if (id != CODE) {
                writeSection(module, id, Arrays.copyOfRange(bytes, start, end));
                return;
            }
            List<byte[]> bodies = new ArrayList<>(bodyCount());
            for (int index = 0; index < bodyCount(); index++) {
                bodies.add(replaced.getOrDefault(index, otherwise));
            }
            writeSection(module, CODE, codeSection(bodies));
        });
        return module.toByteArray();
    }

    /**
     * This module with every function body replaced by {@code bodies} (contents after the size field, in code section
     * order), and {@code added} mutable {@code i64} globals, initially 0, after its own (in a global section made for
     * them if it has none).
     */
    byte[] withBodiesAndGlobals(List<byte[]> replacedBodies, int added) {
        ByteArrayOutputStream module = new ByteArrayOutputStream(bytes.length + bytes.length / 4);
        module.write(bytes, 0, HEADER_BYTES);
        boolean[] globalsWritten = {false};
        walk(bytes, (id, start, end) -> {
            if (!globalsWritten[0] && id != CUSTOM && ORDER.indexOf(id) > ORDER.indexOf(GLOBAL)) {
                writeSection(module, GLOBAL, globals(0, new byte[0], added));
                globalsWritten[0] = true;
            }
            if (id == GLOBAL) {
                Reader reader = new Reader(bytes, start);
                int count = reader.u32();
                writeSection(module, GLOBAL, globals(count, Arrays.copyOfRange(bytes, reader.position, end), added));
                globalsWritten[0] = true;
            } else if (id == CODE) {
                writeSection(module, CODE, codeSection(replacedBodies));
            } else {
                writeSection(module, id, Arrays.copyOfRange(bytes, start, end));
            }
        });
        if (!globalsWritten[0]) {
            writeSection(module, GLOBAL, globals(0, new byte[0], added));
        }
        return module.toByteArray();
    }

    /** A code section's contents: these bodies (contents after the size field), each after its size. */
    private static byte[] codeSection(List<byte[]> bodies) {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        writeU32(code, bodies.size());
        for (byte[] body : bodies) {
            writeU32(code, body.length);
            code.writeBytes(body);
        }
        return code.toByteArray();
    }

    /** A global section's contents: {@code count} globals as {@code existing}, then {@code added} counters. */
    private static byte[] globals(int count, byte[] existing, int added) {
        ByteArrayOutputStream section = new ByteArrayOutputStream(existing.length + added * 5 + 5);
        writeU32(section, count + added);
        section.writeBytes(existing);
        byte[] counter = {0x7e, 0x01, 0x42, 0x00, 0x0b}; // i64, mutable, i64.const 0, end
        for (int i = 0; i < added; i++) {
            section.writeBytes(counter);
        }
        return section.toByteArray();
    }

    private static void writeSection(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        writeU32(out, content.length);
        out.writeBytes(content);
    }

    static void writeU32(ByteArrayOutputStream out, int value) {
        long rest = Integer.toUnsignedLong(value);
        do {
            int low = (int) (rest & 0x7f);
            rest >>>= 7;
            out.write(rest == 0 ? low : low | 0x80);
        } while (rest != 0);
    }

    /** Writes a signed LEB128 number (an {@code i32.const}'s or {@code i64.const}'s immediate). */
    static void writeS64(ByteArrayOutputStream out, long value) {
        long rest = value;
        while (true) {
            int low = (int) (rest & 0x7f);
            rest >>= 7;
            boolean done = rest == 0 && (low & 0x40) == 0 || rest == -1 && (low & 0x40) != 0;
            out.write(done ? low : low | 0x80);
            if (done) {
                return;
            }
        }
    }

    /** Reads LEB128 numbers and skips spans, refusing any that leave the module. */
    static final class Reader {
        private final byte[] bytes;
        int position;

        Reader(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        int u8() {
            if (position >= bytes.length) {
                throw new MalformedException("unexpected end of the module at byte " + position);
            }
            return bytes[position++] & 0xff;
        }

        int u32() {
            long value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int next = u8();
                value |= (long) (next & 0x7f) << shift;
                if (next < 0x80) {
                    if (value > Integer.MAX_VALUE) {
                        throw new MalformedException("size " + value + " at byte " + position + " is out of range");
                    }
                    return (int) value;
                }
            }
            throw new MalformedException("integer representation too long at byte " + position);
        }

        /** Moves past {@code size} bytes; returns the new position. */
        int skip(int size) {
            if (size > bytes.length - position) {
                throw new MalformedException("length out of bounds: " + size + " bytes at byte " + position + " of a "
                        + bytes.length + "-byte module");
            }
            position += size;
            return position;
        }
    }
}
