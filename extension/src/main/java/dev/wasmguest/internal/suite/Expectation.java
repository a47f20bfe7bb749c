package dev.wasmguest.internal.suite;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a suite's expectation files say of one case: run it (the default), skip it, or expect it to fail.
 *
 * @param origin where it is said, e.g. {@code line 12 of expectations.toml}; empty for the default
 * @param entry the text to delete when the case passes again, e.g. {@code name = "fd_advise"}
 * @param reason the reason given, when there is one
 */
@API(status = INTERNAL, since = "0.1")
public record Expectation(Kind kind, String origin, String entry, Optional<String> reason) {

    /** Run the case; it must pass. */
    public static final Expectation RUN = new Expectation(Kind.RUN, "", "", Optional.empty());

    public enum Kind {
        RUN,
        SKIP,
        FAIL
    }

    /** How to say where this expectation comes from and why, for messages. */
    String describe() {
        return origin + reason.map(why -> ": " + why).orElse("");
    }
}
