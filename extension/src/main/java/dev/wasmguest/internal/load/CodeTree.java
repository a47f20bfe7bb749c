package dev.wasmguest.internal.load;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import run.endive.wasm.types.OpCode;
import run.endive.wasm.types.WasmEncoding;

/**
 * A function body as a tree of its structured instructions, for {@link FunctionSplitter}: each {@code block},
 * {@code loop} and {@code if} a {@link Node} of the instructions it holds, every other instruction an {@link Op} that
 * keeps its bytes. Reading takes the immediates' encodings from Endive's opcode table and decodes only what splitting
 * needs (labels, locals, block types); a body with what splitting does not handle (exception handling, GC block
 * types, an opcode Endive does not know) is not read at all.
 */
final class CodeTree {

    /** Instructions whose labels or block structure splitting does not follow: a body with any is left whole. */
    private static final Set<OpCode> NOT_FOLLOWED = Set.of(OpCode.TRY_TABLE, OpCode.BR_ON_CAST, OpCode.BR_ON_CAST_FAIL);

    private static final int EMPTY_BLOCK = 0x40;

    /** What {@link Node#blockType()} adds to a type index, to tell it from a value type's byte. */
    static final int TYPE_INDEX = 0x100;

    private CodeTree() {}

    /** An instruction of a body, or a structured one with the instructions it holds. */
    sealed interface Item permits Op, Node {
        /** Its size in bytes, encoded. */
        int size();
    }

    /**
     * One instruction other than {@code block}, {@code loop}, {@code if}, {@code else} and {@code end}: its bytes
     * ({@code length} of {@code bytes} from {@code from}), where it came from in the module being split, and what
     * splitting reads of it.
     *
     * @param origin the offset in the module being split of the instruction this one is or stands for
     * @param immediate the label of {@code br} and {@code br_if}, the local of {@code local.*}; else 0
     * @param labels the labels of {@code br_table}, its default last; else empty
     */
    record Op(OpCode opcode, byte[] bytes, int from, int length, int origin, int immediate, int[] labels)
            implements Item {

        @Override
        public int size() {
            return length;
        }

        /** A new instruction that stands for the one at {@code origin}. */
        static Op made(OpCode opcode, int origin, int... immediates) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8);
            out.write(opcode.opcode()); // splitting makes only one-byte instructions
            for (int immediate : immediates) {
                if (opcode == OpCode.I32_CONST) {
                    ModuleLayout.writeS64(out, immediate);
                } else {
                    ModuleLayout.writeU32(out, immediate);
                }
            }
            byte[] bytes = out.toByteArray();
            int first = immediates.length > 0 ? immediates[0] : 0;
            return new Op(opcode, bytes, 0, bytes.length, origin, first, new int[0]);
        }

        /** {@code br_table} with other labels, standing for the one at {@code origin}. */
        static Op table(int origin, int[] labels) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(labels.length + 4);
            out.write(OpCode.BR_TABLE.opcode());
            ModuleLayout.writeU32(out, labels.length - 1);
            for (int label : labels) {
                ModuleLayout.writeU32(out, label);
            }
            byte[] bytes = out.toByteArray();
            return new Op(OpCode.BR_TABLE, bytes, 0, bytes.length, origin, 0, labels);
        }

        /** This instruction with another immediate (a label or a local), encoded anew. */
        Op with(int newImmediate) {
            return made(opcode, origin, newImmediate);
        }

        void write(Encoded out) {
            out.write(bytes, from, length, origin);
        }
    }

    /**
     * A {@code block}, {@code loop} or {@code if}: its opening instruction (with its block type), the instructions of
     * its body, those after {@code else} (if it has one), and the offsets of its {@code else} and {@code end}.
     *
     * @param blockType {@code 0x40} (no values), a value type's byte, or {@link #TYPE_INDEX} plus a type index
     * @param read whether it was read from the module, not made by splitting (which never moves what it made)
     * @param size its size in bytes, encoded
     */
    record Node(
            OpCode opcode,
            int blockType,
            Op open,
            List<Item> body,
            Optional<List<Item>> otherwise,
            int elseOrigin,
            int endOrigin,
            boolean read,
            int size)
            implements Item {

        /** A node of these contents, its size counted once (splitting asks for it at every level above). */
        static Node of(
                OpCode opcode,
                int blockType,
                Op open,
                List<Item> body,
                Optional<List<Item>> otherwise,
                int elseOrigin,
                int endOrigin,
                boolean read) {
            int size = open.size()
                    + 1
                    + sizeOf(body)
                    + otherwise.map(items -> 1 + sizeOf(items)).orElse(0);
            return new Node(opcode, blockType, open, body, otherwise, elseOrigin, endOrigin, read, size);
        }

        /** This node with other contents. */
        Node with(List<Item> newBody, Optional<List<Item>> newOtherwise) {
            return of(opcode, blockType, open, newBody, newOtherwise, elseOrigin, endOrigin, read);
        }

        /** A {@code block} or {@code if} without values, made to stand for code at {@code origin}. */
        static Node made(OpCode opcode, int origin, List<Item> body) {
            Op open = new Op(opcode, new byte[] {(byte) opcode.opcode(), EMPTY_BLOCK}, 0, 2, origin, 0, new int[0]);
            return of(opcode, EMPTY_BLOCK, open, body, Optional.empty(), origin, origin, false);
        }

        /** Whether its block type is one splitting handles in what it moves out: no values, or one value type. */
        boolean simpleType() {
            return blockType < TYPE_INDEX;
        }

        /** The number of values its block type leaves, for a simple type. */
        int results() {
            return blockType == EMPTY_BLOCK ? 0 : 1;
        }

        void write(Encoded out) {
            open.write(out);
            writeAll(body, out);
            if (otherwise.isPresent()) {
                out.write(new byte[] {0x05}, 0, 1, elseOrigin);
                writeAll(otherwise.get(), out);
            }
            out.write(new byte[] {0x0b}, 0, 1, endOrigin);
        }
    }

    static int sizeOf(List<Item> items) {
        int size = 0;
        for (Item item : items) {
            size += item.size();
        }
        return size;
    }

    static void writeAll(List<Item> items, Encoded out) {
        for (Item item : items) {
            if (item instanceof Op op) {
                op.write(out);
            } else {
                ((Node) item).write(out);
            }
        }
    }

    /**
     * The instructions of a body, from {@code start} (after its locals) to {@code end} (after its final {@code end}),
     * as a tree; empty when the body has an instruction splitting does not follow.
     *
     * @param bytes the module being split
     */
    static Optional<Body> read(byte[] bytes, int start, int end) {
        Reader reader = new Reader(bytes, start, end);
        try {
            List<Item> items = reader.items(false);
            return reader.in.position == end ? Optional.of(new Body(items, reader.closeOrigin)) : Optional.empty();
        } catch (Unfollowed | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A body's instructions, and where its final {@code end} is. */
    record Body(List<Item> code, int endOrigin) {}

    /** Thrown where a body cannot be split: reading it stops. */
    private static final class Unfollowed extends Exception {
        Unfollowed() {
            super(null, null, false, false);
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private final int end;
        /** Reads the numbers; a read past {@link #end} ends as a body that does not end where it should. */
        private final ModuleLayout.Reader in;
        /** What closed the last list of items read: {@code else} or {@code end}. */
        private OpCode closedBy;

        private int closeOrigin;

        Reader(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.in = new ModuleLayout.Reader(bytes, start);
            this.end = end;
        }

        /** Instructions up to the {@code end} (or, where {@code elseAllowed}, {@code else}) that closes them. */
        List<Item> items(boolean elseAllowed) throws Unfollowed {
            List<Item> items = new ArrayList<>();
            while (in.position < end) {
                int at = in.position;
                OpCode opcode = opcode();
                if (opcode == OpCode.END || opcode == OpCode.ELSE) {
                    if (opcode == OpCode.ELSE && !elseAllowed) {
                        throw new Unfollowed();
                    }
                    closedBy = opcode;
                    closeOrigin = at;
                    return items;
                }
                if (NOT_FOLLOWED.contains(opcode)) {
                    throw new Unfollowed();
                }
                if (opcode == OpCode.BLOCK || opcode == OpCode.LOOP || opcode == OpCode.IF) {
                    items.add(node(opcode, at));
                } else {
                    items.add(op(opcode, at));
                }
            }
            throw new Unfollowed(); // no end
        }

        private Node node(OpCode opcode, int at) throws Unfollowed {
            int blockType = blockType();
            Op open = new Op(opcode, bytes, at, in.position - at, at, 0, new int[0]);
            List<Item> body = items(opcode == OpCode.IF);
            Optional<List<Item>> otherwise = Optional.empty();
            int elseOrigin = at;
            if (closedBy == OpCode.ELSE) {
                elseOrigin = closeOrigin;
                otherwise = Optional.of(items(false));
            }
            return Node.of(opcode, blockType, open, body, otherwise, elseOrigin, closeOrigin, true);
        }

        private Op op(OpCode opcode, int at) throws Unfollowed {
            int immediate = 0;
            int[] labels = new int[0];
            switch (opcode) {
                case BR, BR_IF, LOCAL_GET, LOCAL_SET, LOCAL_TEE -> immediate = u32();
                case BR_TABLE -> {
                    int count = u32();
                    if (count > end - in.position) {
                        throw new Unfollowed();
                    }
                    labels = new int[count + 1];
                    for (int i = 0; i <= count; i++) {
                        labels[i] = u32();
                    }
                }
                default -> skipImmediates(opcode);
            }
            return new Op(opcode, bytes, at, in.position - at, at, immediate, labels);
        }

        private OpCode opcode() throws Unfollowed {
            int code = u8();
            if (code >= 0xfb && code <= 0xfe) {
                code = (code << 8) + u32();
            }
            OpCode opcode = code < 0x10000 ? OpCode.byOpCode(code) : null;
            if (opcode == null) {
                throw new Unfollowed();
            }
            return opcode;
        }

        private void skipImmediates(OpCode opcode) throws Unfollowed {
            for (WasmEncoding encoding : OpCode.signature(opcode)) {
                switch (encoding) {
                    case VARUINT, VARSINT32, VARSINT64 -> leb();
                    case FLOAT32 -> skip(4);
                    case FLOAT64 -> skip(8);
                    case BYTE -> skip(1);
                    case V128 -> skip(16);
                    case VEC_VARUINT -> {
                        int count = u32();
                        for (int i = 0; i < count; i++) {
                            leb();
                        }
                    }
                    case VEC_VALUE_TYPE -> {
                        int count = u32();
                        for (int i = 0; i < count; i++) {
                            valueType();
                        }
                    }
                    case MEMARG -> {
                        int flags = u32();
                        if ((flags & 0x40) != 0) {
                            leb();
                        }
                        leb();
                    }
                    case BLOCK_TYPE -> blockType();
                    default -> throw new Unfollowed();
                }
            }
        }

        /**
         * A block type: {@code 0x40} or a one-byte value type as its byte, a type index (a positive s33) as
         * {@link #TYPE_INDEX} plus the index.
         */
        private int blockType() throws Unfollowed {
            int first = u8();
            if (first >= 0x40 && first < 0x80) {
                if (first == EMPTY_BLOCK || first >= 0x6f && first <= 0x7f && first != 0x71) {
                    return first;
                }
                throw new Unfollowed(); // a reference type of more than one byte
            }
            in.position--;
            int index = u32();
            if ((bytes[in.position - 1] & 0x40) != 0) {
                throw new Unfollowed(); // negative
            }
            return TYPE_INDEX + index;
        }

        private void valueType() throws Unfollowed {
            int type = u8();
            if (type == 0x63 || type == 0x64) {
                throw new Unfollowed();
            }
        }

        private int u8() throws Unfollowed {
            if (in.position >= end) {
                throw new Unfollowed();
            }
            return in.u8();
        }

        private int u32() {
            return in.u32();
        }

        private void leb() throws Unfollowed {
            for (int i = 0; i < 10; i++) {
                if (u8() < 0x80) {
                    return;
                }
            }
            throw new Unfollowed();
        }

        private void skip(int count) throws Unfollowed {
            if (count > end - in.position) {
                throw new Unfollowed();
            }
            in.skip(count);
        }
    }

    /**
     * Bytes written, and where each run of them came from in the module being split: runs copied from it as they
     * are, and instructions that stand for one of its instructions.
     */
    static final class Encoded {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final byte[] module;
        /** Per run: its offset in {@link #bytes}, its origin, its length, and whether it is a copy (1) or not (0). */
        private int[] runs = new int[64];

        private int count;

        /** @param module the module being split, whose bytes are copied */
        Encoded(byte[] module) {
            this.module = module;
        }

        void write(byte[] source, int from, int length, int origin) {
            int at = bytes.size();
            bytes.write(source, from, length);
            boolean copy = source == module && from == origin;
            int last = (count - 1) * 4;
            if (copy
                    && count > 0
                    && runs[last + 3] == 1
                    && runs[last] + runs[last + 2] == at
                    && runs[last + 1] + runs[last + 2] == origin) {
                runs[last + 2] += length;
                return;
            }
            if ((count + 1) * 4 > runs.length) {
                runs = Arrays.copyOf(runs, runs.length * 2);
            }
            runs[count * 4] = at;
            runs[count * 4 + 1] = origin;
            runs[count * 4 + 2] = length;
            runs[count * 4 + 3] = copy ? 1 : 0;
            count++;
        }

        /** Tells {@code offsets} where this body's bytes came from; they begin {@code base} bytes into the body. */
        void addTo(OriginalOffsets.Builder offsets, int body, int base) {
            for (int i = 0; i < count; i++) {
                int at = base + runs[i * 4];
                if (runs[i * 4 + 3] == 1) {
                    offsets.copied(body, at, runs[i * 4 + 1], runs[i * 4 + 2]);
                } else {
                    offsets.standsFor(body, at, runs[i * 4 + 1], runs[i * 4 + 2]);
                }
            }
        }
    }
}
