package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The kinds of definitions a component indexes, each in an index space of its own. */
@API(status = INTERNAL, since = "0.1")
public enum Sort {
    CORE_FUNC,
    CORE_TABLE,
    CORE_MEMORY,
    CORE_GLOBAL,
    CORE_TYPE,
    CORE_MODULE,
    CORE_INSTANCE,
    FUNC,
    VALUE,
    TYPE,
    COMPONENT,
    INSTANCE;

    /** A {@code core:sort} byte. */
    static Sort core(int b) {
        return switch (b) {
            case 0x00 -> CORE_FUNC;
            case 0x01 -> CORE_TABLE;
            case 0x02 -> CORE_MEMORY;
            case 0x03 -> CORE_GLOBAL;
            case 0x10 -> CORE_TYPE;
            case 0x11 -> CORE_MODULE;
            case 0x12 -> CORE_INSTANCE;
            default ->
                throw new MalformedComponentException("unsupported core sort " + ComponentInput.hex(b)
                        + (b == 0x04 ? " (tag: exception handling in components)" : ""));
        };
    }

    /** A {@code sort}: {@code 0x00} and a core sort, or a component sort. */
    static Sort read(ComponentInput in) {
        int b = in.u8();
        return switch (b) {
            case 0x00 -> core(in.u8());
            case 0x01 -> FUNC;
            case 0x02 -> VALUE;
            case 0x03 -> TYPE;
            case 0x04 -> COMPONENT;
            case 0x05 -> INSTANCE;
            default -> throw new MalformedComponentException("unknown sort " + ComponentInput.hex(b));
        };
    }
}
