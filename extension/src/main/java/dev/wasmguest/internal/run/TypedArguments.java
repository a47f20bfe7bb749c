package dev.wasmguest.internal.run;

import dev.wasmguest.internal.component.FunctionType;
import dev.wasmguest.internal.component.ValueType;
import dev.wasmguest.internal.component.WitSignature;
import dev.wasmguest.internal.component.WitValues;
import java.util.ArrayList;
import java.util.List;

/** A typed call's Java arguments, checked against the function's WIT type and turned into the canonical ABI's. */
final class TypedArguments {

    private TypedArguments() {}

    /**
     * @throws IllegalArgumentException when there are too few or too many, or one does not fit its type, naming the
     *         function, the argument and the guest
     */
    static List<Object> lowered(WitValues values, String function, FunctionType type, List<?> args, String source) {
        if (args.size() != type.params().size()) {
            throw new IllegalArgumentException("function \"" + function + "\" of guest " + source + " takes "
                    + type.params().size() + " argument" + (type.params().size() == 1 ? "" : "s") + " ("
                    + WitSignature.describe(type) + "), got " + args.size() + ": " + args);
        }
        List<Object> lowered = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            ValueType.Named param = type.params().get(i);
            String where = "argument " + (i + 1) + " (" + param.name() + ": " + WitSignature.describe(param.type())
                    + ") of \"" + function + "\" of guest " + source;
            lowered.add(values.toAbi(param.type(), args.get(i), where));
        }
        return lowered;
    }
}
