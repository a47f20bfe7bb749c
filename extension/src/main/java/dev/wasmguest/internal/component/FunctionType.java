package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** A component function's type with every index resolved: its named parameters and its result, if any. */
@API(status = INTERNAL, since = "0.1")
public record FunctionType(List<ValueType.Named> params, Optional<ValueType> result) {

    public FunctionType {
        params = List.copyOf(params);
    }

    /** The parameters' types, in order. */
    public List<ValueType> paramTypes() {
        return params.stream().map(ValueType.Named::type).toList();
    }
}
