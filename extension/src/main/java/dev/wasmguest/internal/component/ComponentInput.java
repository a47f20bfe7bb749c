package dev.wasmguest.internal.component;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a component's bytes: LEB128 integers, names and byte ranges, each refusing to read past its end with a
 * message that says where. Not thread-safe: one per parse.
 */
final class ComponentInput {

    private final byte[] bytes;
    private int position;
    private final int end;

    ComponentInput(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
    }

    int position() {
        return position;
    }

    int remaining() {
        return end - position;
    }

    boolean atEnd() {
        return position >= end;
    }

    int u8() {
        if (position >= end) {
            throw new MalformedComponentException("unexpected end of the component at byte " + position);
        }
        return bytes[position++] & 0xff;
    }

    /** An unsigned LEB128 number of at most 32 bits. */
    int u32() {
        long result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = u8();
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (result > 0xffffffffL) {
                    break;
                }
                return (int) result;
            }
        }
        throw new MalformedComponentException("a number at byte " + position + " does not fit 32 bits");
    }

    /** A count of items that each take at least one byte: never more than the bytes left. */
    int count() {
        int count = u32();
        if (Integer.compareUnsigned(count, end - position) > 0) {
            throw new MalformedComponentException("a vector at byte " + position + " claims "
                    + Integer.toUnsignedString(count) + " items, more than the bytes left");
        }
        return count;
    }

    String name() {
        int length = count();
        try {
            String name = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, position, length))
                    .toString();
            position += length;
            return name;
        } catch (CharacterCodingException e) {
            throw new MalformedComponentException("the name at byte " + position + " is not UTF-8");
        }
    }

    /** The next {@code length} bytes, as a reader of their own; this one moves past them. */
    ComponentInput slice(int length) {
        if (length < 0 || length > end - position) {
            throw new MalformedComponentException("a section at byte " + position + " runs past the end");
        }
        ComponentInput slice = new ComponentInput(bytes, position, position + length);
        position += length;
        return slice;
    }

    byte[] bytes(int length) {
        ComponentInput slice = slice(length);
        byte[] copy = new byte[length];
        System.arraycopy(bytes, slice.position, copy, 0, length);
        return copy;
    }

    <T> List<T> vector(Supplier<T> item) {
        int count = count();
        List<T> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(item.get());
        }
        return items;
    }

    /** A {@code 0x00 | 0x01 x} optional. */
    boolean present() {
        int flag = u8();
        if (flag > 1) {
            throw new MalformedComponentException(
                    "expected 0x00 or 0x01 at byte " + (position - 1) + ", found " + hex(flag));
        }
        return flag == 1;
    }

    static String hex(int b) {
        return String.format("0x%02x", b);
    }
}
