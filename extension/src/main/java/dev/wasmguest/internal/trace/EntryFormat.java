package dev.wasmguest.internal.trace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * DWARF 5's self-describing directory and file tables of a line-table header: a list of (content, form) pairs, then
 * entries whose fields follow it. Only a path and a directory index are kept.
 */
final class EntryFormat {

    private static final int DW_LNCT_PATH = 1;
    private static final int DW_LNCT_DIRECTORY_INDEX = 2;

    private static final int DW_FORM_DATA2 = 0x05;
    private static final int DW_FORM_DATA4 = 0x06;
    private static final int DW_FORM_DATA8 = 0x07;
    private static final int DW_FORM_STRING = 0x08;
    private static final int DW_FORM_BLOCK = 0x09;
    private static final int DW_FORM_DATA1 = 0x0b;
    private static final int DW_FORM_SDATA = 0x0d;
    private static final int DW_FORM_STRP = 0x0e;
    private static final int DW_FORM_UDATA = 0x0f;
    private static final int DW_FORM_DATA16 = 0x1e;
    private static final int DW_FORM_LINE_STRP = 0x1f;

    /** Receives each entry of a table. */
    @FunctionalInterface
    interface Entries {
        void add(String path, int directory);
    }

    private EntryFormat() {}

    /**
     * Reads one table (directories or files) at {@code header}'s position.
     *
     * @throws IllegalArgumentException on a form this reader does not know
     */
    static void readTable(ByteBuffer header, boolean dwarf64, byte[] lineStrings, byte[] strings, Entries entries) {
        int formatCount = Byte.toUnsignedInt(header.get());
        List<int[]> formats = new ArrayList<>(formatCount);
        for (int i = 0; i < formatCount; i++) {
            formats.add(new int[] {(int) DebugLines.uleb(header), (int) DebugLines.uleb(header)});
        }
        long count = DebugLines.uleb(header);
        for (long entry = 0; entry < count; entry++) {
            String path = "";
            int directory = 0;
            for (int[] format : formats) {
                int content = format[0];
                int form = format[1];
                if (content == DW_LNCT_PATH) {
                    path = string(header, form, dwarf64, lineStrings, strings);
                } else if (content == DW_LNCT_DIRECTORY_INDEX) {
                    directory = (int) number(header, form);
                } else {
                    skip(header, form, dwarf64);
                }
            }
            entries.add(path, directory);
        }
    }

    private static String string(ByteBuffer header, int form, boolean dwarf64, byte[] lineStrings, byte[] strings) {
        return switch (form) {
            case DW_FORM_STRING -> DebugLines.cString(header);
            case DW_FORM_LINE_STRP -> at(lineStrings, offset(header, dwarf64));
            case DW_FORM_STRP -> at(strings, offset(header, dwarf64));
            default -> throw new IllegalArgumentException("DWARF form " + form + " for a path");
        };
    }

    private static long number(ByteBuffer header, int form) {
        return switch (form) {
            case DW_FORM_DATA1 -> Byte.toUnsignedInt(header.get());
            case DW_FORM_DATA2 -> Short.toUnsignedInt(header.getShort());
            case DW_FORM_DATA4 -> Integer.toUnsignedLong(header.getInt());
            case DW_FORM_DATA8 -> header.getLong();
            case DW_FORM_UDATA -> DebugLines.uleb(header);
            case DW_FORM_SDATA -> DebugLines.sleb(header);
            default -> throw new IllegalArgumentException("DWARF form " + form + " for a number");
        };
    }

    private static void skip(ByteBuffer header, int form, boolean dwarf64) {
        switch (form) {
            case DW_FORM_DATA16 -> header.position(header.position() + 16);
            case DW_FORM_BLOCK -> {
                int length = (int) DebugLines.uleb(header);
                header.position(header.position() + length);
            }
            case DW_FORM_STRING -> DebugLines.cString(header);
            case DW_FORM_LINE_STRP, DW_FORM_STRP -> offset(header, dwarf64);
            default -> number(header, form);
        }
    }

    private static long offset(ByteBuffer header, boolean dwarf64) {
        return dwarf64 ? header.getLong() : Integer.toUnsignedLong(header.getInt());
    }

    private static String at(byte[] section, long offset) {
        if (offset < 0 || offset >= section.length) {
            throw new IllegalArgumentException("a string offset past the end of its section");
        }
        return DebugLines.cString(
                ByteBuffer.wrap(section).order(ByteOrder.LITTLE_ENDIAN).position((int) offset));
    }
}
