package dev.wasmguest.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import run.endive.runtime.ByteArrayMemory;
import run.endive.runtime.Memory;
import run.endive.runtime.WasmRuntimeException;
import run.endive.wasm.types.MemoryLimits;

/** The flat memory behaves like Endive's paged one: same values, same bounds, same growth. */
class FlatMemoryTest {

    private static final int PAGE = Memory.PAGE_SIZE;

    private final Memory flat = new FlatMemory(new MemoryLimits(1, 4));
    private final Memory paged = new ByteArrayMemory(new MemoryLimits(1, 4));

    @Test
    void readsWhatItWroteLikeEndivesMemory() {
        for (Memory memory : new Memory[] {flat, paged}) {
            memory.writeI32(0, 0x01020304);
            memory.writeLong(8, 0x1122334455667788L);
            memory.writeShort(20, (short) 0xBEEF);
            memory.writeByte(23, (byte) 0x7F);
            memory.writeF32(24, 1.5f);
            memory.writeF64(32, -2.25);
            memory.write(PAGE - 4, new byte[] {9, 8, 7, 6});
        }
        assertThat(flat.readBytes(0, PAGE)).isEqualTo(paged.readBytes(0, PAGE));
        assertThat(flat.readInt(0)).isEqualTo(paged.readInt(0)).isEqualTo(0x01020304);
        assertThat(flat.read(0)).isEqualTo((byte) 4); // little-endian
        assertThat(flat.readLong(8)).isEqualTo(paged.readLong(8));
        assertThat(flat.readU16(20)).isEqualTo(paged.readU16(20)).isEqualTo(0xBEEF);
        assertThat(flat.readShort(20)).isEqualTo(paged.readShort(20));
        assertThat(flat.readFloat(24)).isEqualTo(1.5f);
        assertThat(flat.readF32(24)).isEqualTo(paged.readF32(24));
        assertThat(flat.readDouble(32)).isEqualTo(-2.25);
        assertThat(flat.readF64(32)).isEqualTo(paged.readF64(32));
        assertThat(flat.readInt(PAGE - 4)).isEqualTo(paged.readInt(PAGE - 4));
    }

    @Test
    void accessesPastTheEndTrapLikeEndivesMemory() {
        for (Memory memory : new Memory[] {flat, paged}) {
            assertThatThrownBy(() -> memory.readInt(PAGE - 3))
                    .isInstanceOf(WasmRuntimeException.class)
                    .hasMessageStartingWith("out of bounds memory access");
            assertThatThrownBy(() -> memory.writeLong(-8, 1)).isInstanceOf(WasmRuntimeException.class);
            assertThatThrownBy(() -> memory.read(PAGE)).isInstanceOf(WasmRuntimeException.class);
            assertThatThrownBy(() -> memory.copy(0, PAGE - 1, 2)).isInstanceOf(WasmRuntimeException.class);
            assertThatThrownBy(() -> memory.fill((byte) 1, PAGE - 1, PAGE + 1))
                    .isInstanceOf(WasmRuntimeException.class);
            assertThatThrownBy(() -> memory.readBytes(PAGE - 1, 2)).isInstanceOf(WasmRuntimeException.class);
            assertThat(memory.readBytes(PAGE, 0)).isEmpty(); // an empty range at the end is in bounds
        }
    }

    @Test
    void growsLikeEndivesMemoryAndGrownBytesAreZero() {
        flat.writeI32(PAGE - 4, -1);

        assertThat(flat.grow(1)).isEqualTo(paged.grow(1)).isEqualTo(1);
        assertThat(flat.pages()).isEqualTo(2);
        assertThat(flat.readInt(PAGE - 4)).isEqualTo(-1);
        assertThat(flat.readLong(2 * PAGE - 8)).isZero();
        assertThatThrownBy(() -> flat.read(2 * PAGE)).isInstanceOf(WasmRuntimeException.class);

        assertThat(flat.grow(2)).isEqualTo(paged.grow(2)).isEqualTo(2);
        assertThat(flat.grow(1)).as("past the maximum").isEqualTo(paged.grow(1)).isEqualTo(-1);
        assertThat(flat.grow(0)).isEqualTo(4);
        assertThat(flat.pages()).isEqualTo(4);
        assertThat(flat.readBytes(PAGE, 3 * PAGE)).containsOnly(0);
    }

    @Test
    void copiesOverlappingRangesAndFills() {
        for (Memory memory : new Memory[] {flat, paged}) {
            memory.write(0, new byte[] {1, 2, 3, 4, 5});
            memory.copy(1, 0, 4); // forward overlap
            memory.copy(10, 1, 5);
            memory.copy(9, 10, 5); // backward overlap
            memory.fill((byte) 7, 20, 24);
        }
        assertThat(flat.readBytes(0, 32)).isEqualTo(paged.readBytes(0, 32));
        flat.zero();
        assertThat(flat.readBytes(0, PAGE)).containsOnly(0);
    }

    @Test
    void sharedOrHugeMemoriesUseEndivesOwn() {
        assertThat(FlatMemory.withRoomFor(0).apply(new MemoryLimits(1, 4))).isInstanceOf(FlatMemory.class);
        assertThat(FlatMemory.withRoomFor(0).apply(new MemoryLimits(1, 4, true)))
                .isInstanceOf(ByteArrayMemory.class);
        assertThat(FlatMemory.withRoomFor(0).apply(new MemoryLimits(1, 65536))).isInstanceOf(ByteArrayMemory.class);
        assertThat(FlatMemory.withRoomFor(0).apply(new MemoryLimits(1, FlatMemory.MAX_PAGES)))
                .isInstanceOf(FlatMemory.class);
    }

    /** Room made up front for pages earlier runs reached is not memory yet: bounds and sizes are the declared ones. */
    @Test
    void roomForMorePagesIsNotMemoryUntilItGrows() {
        Memory roomy = FlatMemory.withRoomFor(3).apply(new MemoryLimits(1, 2));

        assertThat(roomy.pages()).isEqualTo(1);
        assertThatThrownBy(() -> roomy.readInt(PAGE)).isInstanceOf(WasmRuntimeException.class);
        assertThat(roomy.grow(1)).isEqualTo(1);
        assertThat(roomy.readInt(2 * PAGE - 4))
                .as("a grown page reads as zeros")
                .isZero();
        assertThat(roomy.grow(1)).as("the maximum holds, whatever the room").isEqualTo(-1);
        assertThat(FlatMemory.withRoomFor(3).apply(new MemoryLimits(1, 4, true)))
                .as("a shared memory stays Endive's")
                .isInstanceOf(ByteArrayMemory.class);
    }
}
