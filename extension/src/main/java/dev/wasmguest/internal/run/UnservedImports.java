package dev.wasmguest.internal.run;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.UnknownImports;
import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.component.CaseValue;
import dev.wasmguest.internal.component.FunctionType;
import dev.wasmguest.internal.component.HostInstance;
import dev.wasmguest.internal.component.TypeDef;
import dev.wasmguest.internal.component.ValueType;
import dev.wasmguest.internal.wasip2.WasiHost;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import run.endive.runtime.TrapException;

/**
 * What a component gets for the imports no host here serves, as {@code wasmguest.imports.unknown} says, like a
 * module's unknown imports: whole interfaces ({@code wasi:sockets/tcp}, {@code wasi:http/types}, a vendor's) and
 * functions missing from a served interface become functions that trap when called, naming them ({@code trap}), or
 * that return their result type's zero value ({@code default-values}: {@code 0}, {@code false}, {@code ""}, an empty
 * list, a variant's first case). A handle has no zero value, so such a function traps.
 */
final class UnservedImports {

    private final UnknownImports policy;
    private final String source;

    UnservedImports(UnknownImports policy, String source) {
        this.policy = policy;
        this.source = source;
    }

    /** Whether the policy covers what no host serves; with {@code fail} such a component is refused. */
    boolean covered() {
        return policy != UnknownImports.FAIL;
    }

    /**
     * Refuses {@code imports} that the WASI 0.2 host does not serve, naming each, unless the policy covers them.
     *
     * @throws GuestResolutionException naming the component, the refused imports and the setting
     */
    void requireCovered(List<String> imports) {
        if (covered()) {
            return;
        }
        List<String> refused = imports.stream()
                .flatMap(name -> WasiHost.refusal(name).stream())
                .toList();
        if (!refused.isEmpty()) {
            throw new GuestResolutionException(
                    source,
                    "the component imports what no host here gives: " + String.join("; ", refused)
                            + ". To link such imports as functions that trap when called, or that return zero values,"
                            + " set " + WasmGuestSetting.IMPORTS_UNKNOWN.key() + "=trap or =default-values"
                            + " (withUnknownImports)");
        }
    }

    /** {@code host}'s instances, each import it does not serve (or function it lacks) covered by the policy. */
    Function<String, Optional<HostInstance>> around(Function<String, Optional<HostInstance>> host) {
        if (!covered()) {
            return host;
        }
        return name -> Optional.of(covering(name, host.apply(name)));
    }

    private HostInstance covering(String instance, Optional<HostInstance> served) {
        return new HostInstance() {
            @Override
            public Optional<Call> function(String name) {
                return served.flatMap(host -> host.function(name));
            }

            @Override
            public Optional<Call> function(String name, FunctionType type) {
                return served.flatMap(host -> host.function(name, type))
                        .or(() -> Optional.of(standIn(instance + "#" + name, type)));
            }
        };
    }

    private HostInstance.Call standIn(String function, FunctionType type) {
        return args -> {
            if (policy == UnknownImports.TRAP) {
                throw new TrapException("the guest called " + function + ", an import that no host here serves,"
                        + " linked as a function that traps (" + WasmGuestSetting.IMPORTS_UNKNOWN.key() + "="
                        + policy.configValue() + "); source " + source);
            }
            return type.result().map(result -> zero(result, function)).orElse(null);
        };
    }

    private static Object zero(ValueType type, String function) {
        if (type instanceof TypeDef.Primitive primitive) {
            return switch (primitive) {
                case BOOL -> false;
                case S64, U64 -> 0L;
                case F32 -> 0f;
                case F64 -> 0d;
                case STRING -> "";
                default -> 0;
            };
        }
        if (type instanceof ValueType.ListType list) {
            boolean bytes = list.element() == TypeDef.Primitive.U8 || list.element() == TypeDef.Primitive.S8;
            return bytes ? new byte[0] : List.of();
        }
        if (type instanceof ValueType.RecordType record) {
            return record.fields().stream()
                    .map(field -> zero(field.type(), function))
                    .toList();
        }
        if (type instanceof ValueType.VariantType variant) {
            return new CaseValue(
                    0,
                    variant.cases()
                            .get(0)
                            .type()
                            .map(payload -> zero(payload, function))
                            .orElse(null));
        }
        if (type instanceof ValueType.EnumType || type instanceof ValueType.FlagsType) {
            return 0;
        }
        throw new TrapException("the guest called " + function + ", an import that no host here serves, linked as a"
                + " function that returns zero values (" + WasmGuestSetting.IMPORTS_UNKNOWN.key()
                + "=default-values), but a handle has none");
    }
}
