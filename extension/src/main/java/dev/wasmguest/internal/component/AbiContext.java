package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.component.Definition.StringEncoding;
import org.apiguardian.api.API;
import run.endive.runtime.Memory;

/**
 * Where the canonical ABI reads and writes one call's values: the guest's memory and string encoding, its
 * allocator ({@code realloc}), and the handle table of the component instance.
 */
@API(status = INTERNAL, since = "0.1")
public interface AbiContext {

    Memory memory();

    StringEncoding encoding();

    /** Memory for {@code size} bytes at {@code alignment}, from the guest's {@code realloc}. */
    int allocate(int alignment, int size);

    /** A handle for {@code representation}, new in the instance's table: what the guest receives. */
    int lowerHandle(ValueType.HandleType type, Object representation);

    /** What the guest's {@code handle} stands for; an owned handle leaves the table. */
    Object liftHandle(ValueType.HandleType type, int handle);
}
