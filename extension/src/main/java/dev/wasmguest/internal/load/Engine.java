package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** How Endive executes a guest: the core's twin of the public {@code Engine}, which documents each choice. */
@API(status = INTERNAL, since = "0.2")
public enum Engine {
    /** Endive's runtime compiler: runs wait for the module's compiled code. */
    COMPILER,
    /** Endive's interpreter. */
    INTERPRETER,
    /** Compiled code when there is some, else the interpreter while the module is translated. */
    AUTO
}
