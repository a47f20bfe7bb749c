package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * What becomes of a module's imports that neither WASI nor the test provides: the core's twin of the public {@code
 * UnknownImports}, which documents each case.
 */
@API(status = INTERNAL, since = "0.2")
public enum ImportPolicy {
    FAIL,
    TRAP,
    DEFAULT_VALUES;

    /** The policy a configuration value names: {@code fail}, {@code trap} or {@code default-values}. */
    public static ImportPolicy named(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The configuration value that names this policy. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
