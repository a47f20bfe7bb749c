package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import run.endive.runtime.TrapException;

/**
 * A component instance's handles: the {@code i32}s its code holds for resources, each standing for a
 * representation (a host object, or a rep of the component's own resource) of one resource type. Handle 0 is never
 * given out; freed handles are given out again. Not thread-safe: a component instance runs on one thread at a time.
 */
@API(status = INTERNAL, since = "0.1")
public final class HandleTable {

    private record Entry(ValueType.ResourceType type, Object representation) {}

    private final List<Entry> entries = new ArrayList<>(List.of(new Entry(null, null)));
    private final List<Integer> free = new ArrayList<>();

    /** A new handle for {@code representation}. */
    public int add(ValueType.ResourceType type, Object representation) {
        Entry entry = new Entry(type, representation);
        if (!free.isEmpty()) {
            int handle = free.remove(free.size() - 1);
            entries.set(handle, entry);
            return handle;
        }
        entries.add(entry);
        return entries.size() - 1;
    }

    /** What {@code handle} stands for, checked to be of {@code type}. */
    public Object get(ValueType.ResourceType type, int handle) {
        return entry(type, handle).representation();
    }

    /** What {@code handle} stood for; the handle is freed. */
    public Object remove(ValueType.ResourceType type, int handle) {
        Entry entry = entry(type, handle);
        entries.set(handle, null);
        free.add(handle);
        return entry.representation();
    }

    private Entry entry(ValueType.ResourceType type, int handle) {
        Entry entry = handle > 0 && handle < entries.size() ? entries.get(handle) : null;
        if (entry == null) {
            throw new TrapException("unknown handle " + Integer.toUnsignedString(handle) + " of " + type);
        }
        if (entry.type() != type) {
            throw new TrapException("handle " + handle + " is a " + entry.type() + ", not a " + type);
        }
        return entry;
    }
}
