package dev.wasmguest.internal.trace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A module's DWARF line table ({@code .debug_line}, versions 2 to 5): which source file and line each code address
 * comes from. Addresses are offsets into the code section's contents, as DWARF for WebAssembly defines them. Built
 * once, then read by any thread.
 *
 * <p>A table that cannot be read whole keeps the sequences read before the damage: a backtrace with fewer lines is
 * better than none, and a wrong line is never made up.
 */
final class DebugLines {

    private static final DebugLines NONE = new DebugLines(List.of());

    private static final int DW_LNS_COPY = 1;
    private static final int DW_LNS_ADVANCE_PC = 2;
    private static final int DW_LNS_ADVANCE_LINE = 3;
    private static final int DW_LNS_SET_FILE = 4;
    private static final int DW_LNS_SET_COLUMN = 5;
    private static final int DW_LNS_CONST_ADD_PC = 8;
    private static final int DW_LNS_FIXED_ADVANCE_PC = 9;
    private static final int DW_LNE_END_SEQUENCE = 1;
    private static final int DW_LNE_SET_ADDRESS = 2;
    private static final int DW_LNE_DEFINE_FILE = 3;

    /** One source location; {@code column} is 0 where the table gives none (the whole line). */
    record Location(String file, int line, int column) {}

    /** The rows of one sequence of addresses, ascending, and the address just past its end. */
    private record Sequence(long start, long end, long[] addresses, Location[] locations) {}

    private final List<Sequence> sequences;
    /** For each position in {@link #sequences}, the furthest end of the sequences from there on. */
    private final long[] furthestEndFrom;

    private DebugLines(List<Sequence> sequences) {
        this.sequences = sequences;
        this.furthestEndFrom = new long[sequences.size()];
        long furthest = Long.MIN_VALUE;
        for (int i = sequences.size() - 1; i >= 0; i--) {
            furthest = Math.max(furthest, sequences.get(i).end());
            furthestEndFrom[i] = furthest;
        }
    }

    boolean isEmpty() {
        return sequences.isEmpty();
    }

    /** A module without line information. */
    static DebugLines none() {
        return NONE;
    }

    /**
     * @param debugLine the {@code .debug_line} section's bytes
     * @param lineStrings {@code .debug_line_str}, for DWARF 5; may be empty
     * @param strings {@code .debug_str}, for DWARF 5; may be empty
     */
    static DebugLines read(byte[] debugLine, byte[] lineStrings, byte[] strings) {
        List<Sequence> sequences = new ArrayList<>();
        ByteBuffer section = ByteBuffer.wrap(debugLine).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (section.remaining() > 0) {
                new Unit(section, lineStrings, strings).run(sequences);
            }
        } catch (RuntimeException damaged) {
            // keep what was read: see the class comment
        }
        // The most specific sequence first: code the linker dropped keeps its rows at address 0.
        sequences.sort(Comparator.comparingLong(Sequence::start).reversed());
        return new DebugLines(List.copyOf(sequences));
    }

    /** Where the code at {@code address} comes from; empty when the table does not say. */
    Optional<Location> at(long address) {
        // Coverage asks for every instruction of a module: the sequences before the first that starts at or below the
        // address cannot hold it, nor can those after the point where none ends beyond it.
        for (int i = firstStartingAtOrBelow(address); i < sequences.size() && furthestEndFrom[i] > address; i++) {
            Sequence sequence = sequences.get(i);
            if (address >= sequence.start() && address < sequence.end()) {
                int row = lastAtOrBefore(sequence.addresses(), address);
                return Optional.ofNullable(sequence.locations()[row]);
            }
        }
        return Optional.empty();
    }

    /** The index of the first sequence (by start, descending) whose start is at or below {@code address}. */
    private int firstStartingAtOrBelow(long address) {
        int low = 0;
        int high = sequences.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sequences.get(middle).start() > address) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static int lastAtOrBefore(long[] addresses, long address) {
        int low = 0;
        int high = addresses.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (addresses[middle] <= address) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** One unit of the table: its header, then its line-number program, run as DWARF's state machine. */
    private static final class Unit {
        private final ByteBuffer program;
        private final int version;
        private final int minimumInstructionLength;
        private final boolean defaultIsStatement;
        private final int lineBase;
        private final int lineRange;
        private final int opcodeBase;
        private final int[] standardOpcodeLengths;
        private final List<String> directories = new ArrayList<>();
        private final List<String> files = new ArrayList<>();
        private final List<Integer> fileDirectories = new ArrayList<>();

        Unit(ByteBuffer section, byte[] lineStrings, byte[] strings) {
            long length = Integer.toUnsignedLong(section.getInt());
            boolean dwarf64 = length == 0xffffffffL;
            if (dwarf64) {
                length = section.getLong();
            }
            ByteBuffer unit = slice(section, length);
            version = Short.toUnsignedInt(unit.getShort());
            if (version < 2 || version > 5) {
                throw new IllegalArgumentException("DWARF line table version " + version);
            }
            if (version >= 5) {
                unit.get(); // address size
                unit.get(); // segment selector size
            }
            long headerLength = dwarf64 ? unit.getLong() : Integer.toUnsignedLong(unit.getInt());
            ByteBuffer header = slice(unit, headerLength);
            program = unit;
            minimumInstructionLength = Byte.toUnsignedInt(header.get());
            if (version >= 4) {
                header.get(); // maximum operations per instruction: VLIW only
            }
            defaultIsStatement = header.get() != 0;
            lineBase = header.get();
            lineRange = Byte.toUnsignedInt(header.get());
            opcodeBase = Byte.toUnsignedInt(header.get());
            standardOpcodeLengths = new int[opcodeBase];
            for (int opcode = 1; opcode < opcodeBase; opcode++) {
                standardOpcodeLengths[opcode] = Byte.toUnsignedInt(header.get());
            }
            if (version >= 5) {
                EntryFormat.readTable(
                        header, dwarf64, lineStrings, strings, (path, directory) -> directories.add(path));
                EntryFormat.readTable(header, dwarf64, lineStrings, strings, (path, directory) -> {
                    files.add(path);
                    fileDirectories.add(directory);
                });
            } else {
                directories.add(""); // 0: the compilation directory, which this table does not name
                files.add(null); // numbering starts at 1
                fileDirectories.add(0);
                for (String directory = cString(header); !directory.isEmpty(); directory = cString(header)) {
                    directories.add(directory);
                }
                for (String file = cString(header); !file.isEmpty(); file = cString(header)) {
                    defineFile(file, header);
                }
            }
        }

        private void defineFile(String name, ByteBuffer entry) {
            files.add(name);
            fileDirectories.add((int) uleb(entry));
            uleb(entry); // modification time
            uleb(entry); // length
        }

        /** Runs the program, adding each sequence it ends to {@code sequences}. */
        void run(List<Sequence> sequences) {
            State state = new State();
            while (program.remaining() > 0) {
                int opcode = Byte.toUnsignedInt(program.get());
                if (opcode >= opcodeBase) {
                    int adjusted = opcode - opcodeBase;
                    state.address += (long) (adjusted / lineRange) * minimumInstructionLength;
                    state.line += lineBase + adjusted % lineRange;
                    state.addRow();
                } else if (opcode == 0) {
                    extended(state, sequences);
                } else {
                    standard(opcode, state);
                }
            }
        }

        private void standard(int opcode, State state) {
            switch (opcode) {
                case DW_LNS_COPY -> state.addRow();
                case DW_LNS_ADVANCE_PC -> state.address += uleb(program) * minimumInstructionLength;
                case DW_LNS_ADVANCE_LINE -> state.line += (int) sleb(program);
                case DW_LNS_SET_FILE -> state.file = (int) uleb(program);
                case DW_LNS_SET_COLUMN -> state.column = (int) uleb(program);
                case DW_LNS_CONST_ADD_PC ->
                    state.address += (long) ((255 - opcodeBase) / lineRange) * minimumInstructionLength;
                case DW_LNS_FIXED_ADVANCE_PC -> state.address += Short.toUnsignedInt(program.getShort());
                default -> {
                    // negate statement, basic block, prologue end, epilogue begin, ISA and any
                    // opcode of a later DWARF: skip their operands, whose count the header gives
                    for (int i = 0; i < standardOpcodeLengths[opcode]; i++) {
                        uleb(program);
                    }
                }
            }
        }

        private void extended(State state, List<Sequence> sequences) {
            int length = (int) uleb(program);
            int end = program.position() + length;
            int opcode = Byte.toUnsignedInt(program.get());
            switch (opcode) {
                case DW_LNE_END_SEQUENCE -> state.endSequence(sequences);
                case DW_LNE_SET_ADDRESS ->
                    state.address = length - 1 == 8 ? program.getLong() : Integer.toUnsignedLong(program.getInt());
                case DW_LNE_DEFINE_FILE -> defineFile(cString(program), program);
                default -> {
                    // discriminator, and vendor extensions: nothing a location needs
                }
            }
            program.position(end);
        }

        private Location location(int file, int line, int column) {
            if (file < 0 || file >= files.size() || files.get(file) == null) {
                return null;
            }
            String name = files.get(file);
            int directory = fileDirectories.get(file);
            if (name.startsWith("/") || directory <= 0 && version < 5 || directory >= directories.size()) {
                return new Location(name, line, column);
            }
            String prefix = directories.get(directory);
            return new Location(prefix.isEmpty() ? name : prefix + "/" + name, line, column);
        }

        /** The registers of DWARF's line-number state machine that a location needs. */
        private final class State {
            long address;
            int file = 1;
            int line = 1;
            int column;
            private final List<Long> addresses = new ArrayList<>();
            private final List<Location> locations = new ArrayList<>();

            void addRow() {
                addresses.add(address);
                locations.add(location(file, line, column));
            }

            void endSequence(List<Sequence> sequences) {
                if (!addresses.isEmpty()) {
                    long[] rows = addresses.stream().mapToLong(Long::longValue).toArray();
                    sequences.add(new Sequence(rows[0], address, rows, locations.toArray(Location[]::new)));
                }
                addresses.clear();
                locations.clear();
                address = 0;
                file = 1;
                line = 1;
                column = 0;
            }
        }
    }

    private static ByteBuffer slice(ByteBuffer buffer, long length) {
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("a length runs past the end of .debug_line");
        }
        ByteBuffer slice = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
        slice.limit((int) length);
        buffer.position(buffer.position() + (int) length);
        return slice;
    }

    static String cString(ByteBuffer buffer) {
        int start = buffer.position();
        while (buffer.get() != 0) {
            // find the terminator
        }
        byte[] bytes = new byte[buffer.position() - start - 1];
        buffer.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static long uleb(ByteBuffer buffer) {
        return leb128(buffer, false);
    }

    static long sleb(ByteBuffer buffer) {
        return leb128(buffer, true);
    }

    private static long leb128(ByteBuffer buffer, boolean signed) {
        long value = 0;
        int shift = 0;
        int next;
        do {
            next = Byte.toUnsignedInt(buffer.get());
            if (shift < 64) {
                value |= (long) (next & 0x7f) << shift;
            }
            shift += 7;
        } while ((next & 0x80) != 0);
        if (signed && shift < 64 && (next & 0x40) != 0) {
            value |= -1L << shift;
        }
        return value;
    }
}
