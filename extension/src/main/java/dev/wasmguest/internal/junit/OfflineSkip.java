package dev.wasmguest.internal.junit;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.load.ModuleLoader;
import dev.wasmguest.internal.resolve.OfflineMissException;
import dev.wasmguest.internal.resolve.ResolutionSettings;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code wasmguest.offline.missing=skip}: a test whose guest is not in the offline cache is skipped with the
 * reason. Decided before the test runs, because JUnit reports a failure, not a skip, for anything thrown while
 * resolving parameters.
 */
@API(status = INTERNAL, since = "0.1")
public final class OfflineSkip {

    public static final ConditionEvaluationResult ENABLED =
            ConditionEvaluationResult.enabled("guest modules are available");

    private OfflineSkip() {}

    /** Whether offline mode with skipping is configured; malformed settings are reported later, when resolving. */
    public static boolean configured(ExtensionContext context) {
        try {
            ResolutionSettings settings = ResolutionSettings.from(JUnitSettings.of(context));
            return settings.offline() && settings.skipMissingOffline();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The parameters a test method's execution resolves: its own and its class's constructor's. */
    public static List<Parameter> guestParameters(ExtensionContext context) {
        List<Parameter> parameters =
                new ArrayList<>(List.of(context.getRequiredTestMethod().getParameters()));
        Constructor<?>[] constructors = context.getRequiredTestClass().getDeclaredConstructors();
        if (constructors.length == 1) {
            parameters.addAll(List.of(constructors[0].getParameters()));
        }
        return parameters;
    }

    /** Loads the guest; a skip result when it is missing from the offline cache. */
    public static Optional<ConditionEvaluationResult> check(Supplier<ModuleLoader.Handle> handle) {
        try {
            handle.get().get();
            return Optional.empty();
        } catch (OfflineMissException missing) {
            return Optional.of(ConditionEvaluationResult.disabled(missing.getMessage()));
        } catch (RuntimeException other) {
            return Optional.empty(); // reported with its own message when the parameter is resolved
        }
    }
}
