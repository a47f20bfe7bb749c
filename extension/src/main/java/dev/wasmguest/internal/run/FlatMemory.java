package dev.wasmguest.internal.run;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Function;
import run.endive.runtime.ByteArrayMemory;
import run.endive.runtime.ConstantEvaluators;
import run.endive.runtime.Instance;
import run.endive.runtime.Memory;
import run.endive.runtime.WasmRuntimeException;
import run.endive.wasm.UninstantiableException;
import run.endive.wasm.types.ActiveDataSegment;
import run.endive.wasm.types.DataSegment;
import run.endive.wasm.types.MemoryLimits;
import run.endive.wasm.types.PassiveDataSegment;

/**
 * A guest's linear memory as one byte array: each load and store is one bounds check and one array access.
 * Endive's {@link ByteArrayMemory} keeps memory in 64 KiB pages, so each access also looks its page up; on the
 * compute benchmarks that made runs 1.4-1.5x slower (sieve 91 vs 61 ms, sha256 145 vs 104 ms).
 *
 * <p>For memories that are not shared (no threads) and whose maximum fits a Java array ({@link #fits}); others use
 * Endive's. The array grows by doubling, capped at the maximum, so that guests growing their memory a page at a
 * time do not copy it every time; the bytes past the current size are never written, so a grown region reads as
 * zeros. Used by one guest thread at a time, like every non-shared memory.
 */
final class FlatMemory implements Memory {

    /** The most pages of room made up front (16 MiB): past that, growing by doubling costs little per page. */
    static final int MAX_ROOM_PAGES = 256;

    /** The most pages one Java array holds (a page short of 2 GiB). */
    static final int MAX_PAGES = Integer.MAX_VALUE / PAGE_SIZE;

    private static final VarHandle SHORT = view(short[].class);
    private static final VarHandle INT = view(int[].class);
    private static final VarHandle LONG = view(long[].class);
    private static final VarHandle FLOAT = view(float[].class);
    private static final VarHandle DOUBLE = view(double[].class);

    private final MemoryLimits limits;
    private byte[] bytes;
    /** The memory's size in bytes; the array may be longer. */
    private int size;

    private DataSegment[] segments = new DataSegment[0];

    FlatMemory(MemoryLimits limits) {
        this(limits, 0);
    }

    /**
     * @param roomPages how many pages the array has room for from the start, if more than the initial ones and
     *        within the maximum and {@link #MAX_ROOM_PAGES}: what earlier runs reached, so that this one does not grow
     *        into them by copies
     */
    FlatMemory(MemoryLimits limits, int roomPages) {
        if (!fits(limits)) {
            throw new IllegalArgumentException("not a memory for one array: " + limits);
        }
        this.limits = limits;
        this.size = limits.initialPages() * PAGE_SIZE;
        int room = Math.min(Math.min(roomPages, MAX_ROOM_PAGES), limits.maximumPages());
        this.bytes = new byte[Math.max(size, room * PAGE_SIZE)];
    }

    /**
     * A memory factory: this memory when it {@link #fits}, else Endive's paged one. Its flat memories start with room
     * for {@code roomPages}: the pages earlier runs of the
     * module reached. A small program's first {@code memory.grow} (jco's preview 1 adapter makes one in every run)
     * otherwise doubles and copies the array: a fifth of a small component's run.
     */
    static Function<MemoryLimits, Memory> withRoomFor(int roomPages) {
        return limits -> fits(limits) ? new FlatMemory(limits, roomPages) : new ByteArrayMemory(limits);
    }

    /** Whether a memory with these limits can be a {@code FlatMemory}. */
    static boolean fits(MemoryLimits limits) {
        return !limits.shared() && limits.maximumPages() <= MAX_PAGES;
    }

    private static VarHandle view(Class<?> arrayType) {
        return MethodHandles.byteArrayViewVarHandle(arrayType, ByteOrder.LITTLE_ENDIAN);
    }

    /** Checks {@code [address, address + length)} lies in the memory; both are unsigned 32-bit in wasm. */
    private int at(int address, int length) {
        if ((address | length) < 0 || address > size - length) {
            throw outOfBounds(address, length, WasmRuntimeException::new);
        }
        return address;
    }

    private RuntimeException outOfBounds(int address, int length, Function<String, RuntimeException> exception) {
        return exception.apply("out of bounds memory access: attempted to access address: "
                + Integer.toUnsignedString(address) + " but limit is: " + size + " and size: "
                + Integer.toUnsignedString(length));
    }

    @Override
    public int pages() {
        return size / PAGE_SIZE;
    }

    @Override
    public int grow(int delta) {
        int old = pages();
        if (delta < 0 || (long) old + delta > limits.maximumPages()) {
            return -1;
        }
        int newSize = (old + delta) * PAGE_SIZE;
        if (newSize > bytes.length) {
            bytes = larger(newSize);
        }
        size = newSize;
        return old;
    }

    /** A copy with room for {@code newSize} bytes: twice the old room if the heap allows, else just enough. */
    private byte[] larger(int newSize) {
        long doubled = Math.min(Math.max(newSize, 2L * bytes.length), (long) limits.maximumPages() * PAGE_SIZE);
        if (doubled > newSize) {
            try {
                return Arrays.copyOf(bytes, (int) doubled);
            } catch (OutOfMemoryError e) {
                // One large array the heap could not hold; the exact size may still fit.
            }
        }
        return Arrays.copyOf(bytes, newSize);
    }

    @Override
    public int initialPages() {
        return limits.initialPages();
    }

    @Override
    public int maximumPages() {
        return limits.maximumPages();
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    @SuppressWarnings("removal") // Memory still declares it; Endive plans to move it elsewhere
    public Object lock(int address) {
        return this;
    }

    @Override
    @SuppressWarnings("removal") // Memory still declares it; Endive plans to move it elsewhere
    public int waitOn(int address, int expected, long timeout) {
        at(address, 4);
        throw new WasmRuntimeException("expected shared memory");
    }

    @Override
    @SuppressWarnings("removal") // Memory still declares it; Endive plans to move it elsewhere
    public int waitOn(int address, long expected, long timeout) {
        at(address, 8);
        throw new WasmRuntimeException("expected shared memory");
    }

    @Override
    @SuppressWarnings("removal") // Memory still declares it; Endive plans to move it elsewhere
    public int notify(int address, int count) {
        at(address, 4);
        return 0; // nobody can wait on an unshared memory
    }

    /** Copies the active data segments of this memory into it, as Endive's memories do. */
    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        initialize(instance, dataSegments, 0);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        segments = dataSegments == null ? new DataSegment[0] : dataSegments.clone();
        for (DataSegment segment : segments) {
            if (segment instanceof ActiveDataSegment) {
                ActiveDataSegment active = (ActiveDataSegment) segment;
                if (active.index() == memoryIndex) {
                    int offset =
                            (int) ConstantEvaluators.computeConstantValue(instance, active.offsetInstructions())[0];
                    byte[] data = active.data();
                    if (offset < 0 || offset > size - data.length) {
                        throw outOfBounds(offset, data.length, UninstantiableException::new);
                    }
                    System.arraycopy(data, 0, bytes, offset, data.length);
                }
            } else if (!(segment instanceof PassiveDataSegment)) {
                throw new UninstantiableException("Data segment should be active or passive: " + segment);
            }
        }
    }

    @Override
    public void initPassiveSegment(int segmentId, int address, int offset, int length) {
        byte[] data = segments[segmentId].data();
        if ((offset | length) < 0 || offset > data.length - length) {
            throw outOfBounds(address, length, WasmRuntimeException::new);
        }
        System.arraycopy(data, offset, bytes, at(address, length), length);
    }

    @Override
    public void drop(int segmentId) {
        segments[segmentId] = PassiveDataSegment.EMPTY;
    }

    @Override
    public void write(int address, byte[] data, int offset, int length) {
        System.arraycopy(data, offset, bytes, at(address, length), length);
    }

    @Override
    public byte read(int address) {
        return bytes[at(address, 1)];
    }

    @Override
    public byte[] readBytes(int address, int length) {
        int from = at(address, length);
        return Arrays.copyOfRange(bytes, from, from + length);
    }

    @Override
    public void writeByte(int address, byte value) {
        bytes[at(address, 1)] = value;
    }

    @Override
    public void writeShort(int address, short value) {
        SHORT.set(bytes, at(address, 2), value);
    }

    @Override
    public short readShort(int address) {
        return (short) SHORT.get(bytes, at(address, 2));
    }

    @Override
    public long readU16(int address) {
        return readShort(address) & 0xFFFFL;
    }

    @Override
    public void writeI32(int address, int value) {
        INT.set(bytes, at(address, 4), value);
    }

    @Override
    public int readInt(int address) {
        return (int) INT.get(bytes, at(address, 4));
    }

    @Override
    public void writeLong(int address, long value) {
        LONG.set(bytes, at(address, 8), value);
    }

    @Override
    public long readLong(int address) {
        return (long) LONG.get(bytes, at(address, 8));
    }

    @Override
    public void writeF32(int address, float value) {
        FLOAT.set(bytes, at(address, 4), value);
    }

    @Override
    public long readF32(int address) {
        return readInt(address);
    }

    @Override
    public float readFloat(int address) {
        return (float) FLOAT.get(bytes, at(address, 4));
    }

    @Override
    public void writeF64(int address, double value) {
        DOUBLE.set(bytes, at(address, 8), value);
    }

    @Override
    public long readF64(int address) {
        return readLong(address);
    }

    @Override
    public double readDouble(int address) {
        return (double) DOUBLE.get(bytes, at(address, 8));
    }

    @Override
    public void zero() {
        Arrays.fill(bytes, 0, size, (byte) 0);
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        Arrays.fill(bytes, at(fromIndex, toIndex - fromIndex), toIndex, value);
    }

    @Override
    public void copy(int destination, int source, int length) {
        at(source, length);
        System.arraycopy(bytes, source, bytes, at(destination, length), length);
    }
}
