package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * What becomes of the functions a module imports that neither WASI preview 1 nor the test (with {@link
 * WasiRunner#withHostFunction}) provides. Configuration key {@code wasmguest.imports.unknown}: {@code fail}, {@code
 * trap} or {@code default-values}.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum UnknownImports {

    /** The module is refused before it runs, with a message that lists the imports: the default. */
    FAIL,

    /**
     * Each is linked as a function that traps when the guest calls it, naming the import, as wasmtime's {@code
     * --trap-unknown-imports} does: a guest that never calls them runs.
     */
    TRAP,

    /**
     * Each is linked as a function that returns zeros (of its result types), as wasmtime's {@code
     * --default-values-unknown-imports} does.
     */
    DEFAULT_VALUES;

    /**
     * The value of {@code wasmguest.imports.unknown} that names this.
     *
     * @return {@code fail}, {@code trap} or {@code default-values}; never {@code null}
     */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * What a value of {@code wasmguest.imports.unknown} names.
     *
     * @param value {@code fail}, {@code trap} or {@code default-values}, in any case
     * @return the choice it names; never {@code null}
     * @throws IllegalArgumentException for any other value than {@link #configValue()}'s
     */
    public static UnknownImports ofConfigValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
