package dev.wasmguest.internal.resolve;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A guest module could not be obtained or prepared: the core's failure, which the public API hands to users as a
 * {@code ModuleLoadException} with the same source and problem. The message names the module and says what to
 * do.
 */
@API(status = INTERNAL, since = "0.2")
public class ModuleLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    public ModuleLoadException(String source, String problem) {
        this(source, problem, null);
    }

    public ModuleLoadException(String source, String problem, Throwable cause) {
        super("Cannot load guest module " + source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The module's source as the test named it. */
    public String source() {
        return source;
    }

    /** What went wrong and what to do, as a sentence. */
    public String problem() {
        return problem;
    }
}
