package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** How a run ended: the core's twin of the public {@code RunOutcome}, which documents each case. */
@API(status = INTERNAL, since = "0.2")
public enum RunOutcome {
    EXITED,
    TRAPPED,
    TIMED_OUT,
    RETURNED
}
