package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A component-level function: called with values as {@link CanonicalAbi} represents them, returning its result, or
 * {@code null} for a function without one. The host's functions and a component's lifted exports are both.
 */
@API(status = INTERNAL, since = "0.1")
public interface ComponentFunction {

    FunctionType type();

    Object call(List<Object> args);
}
