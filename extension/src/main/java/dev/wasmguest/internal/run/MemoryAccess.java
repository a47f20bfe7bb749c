package dev.wasmguest.internal.run;

import run.endive.runtime.Memory;

/** A test's reads and writes of an instance's memory, checked against its size so that none wraps or traps. */
final class MemoryAccess {

    private MemoryAccess() {}

    static byte[] read(Memory memory, long address, int length, String source) {
        check(memory, address, length, source);
        return memory.readBytes((int) address, length);
    }

    static void write(Memory memory, long address, byte[] bytes, String source) {
        check(memory, address, bytes.length, source);
        memory.write((int) address, bytes);
    }

    private static void check(Memory memory, long address, int length, String source) {
        long size = (long) memory.pages() * RunLimits.PAGE_BYTES;
        if (address < 0 || length < 0 || address + length > size) {
            throw new IndexOutOfBoundsException("guest " + source + ": bytes " + address + " to " + (address + length)
                    + " are not all inside its memory of " + size + " bytes");
        }
    }
}
