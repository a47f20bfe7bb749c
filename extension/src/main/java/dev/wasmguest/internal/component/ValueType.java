package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A value type with every index resolved: what the canonical ABI lifts and lowers. Records and tuples are both
 * {@link RecordType}s, as the ABI treats them alike; options and results are variants with known cases.
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface ValueType
        permits TypeDef.Primitive,
                ValueType.RecordType,
                ValueType.VariantType,
                ValueType.ListType,
                ValueType.FlagsType,
                ValueType.EnumType,
                ValueType.HandleType {

    /** A named type: a record's field or a function's parameter. */
    record Named(String name, ValueType type) {}

    /** A case of a variant, with or without a payload. */
    record CaseType(String name, Optional<ValueType> type) {}

    /** A record (named fields) or a tuple (fields named by position). */
    record RecordType(List<Named> fields) implements ValueType {
        public RecordType {
            fields = List.copyOf(fields);
        }

        /** A tuple's fields are named by their position, which no WIT identifier can be. */
        public boolean isTuple() {
            return !fields.isEmpty() && fields.get(0).name().equals("0");
        }
    }

    /**
     * A variant, an option (cases {@code none}, {@code some}) or a result (cases {@code ok}, {@code error}): alike
     * in the ABI, told apart by their {@link Kind} where values meet Java.
     */
    record VariantType(List<CaseType> cases, Kind kind) implements ValueType {
        public VariantType {
            cases = List.copyOf(cases);
        }

        public VariantType(List<CaseType> cases) {
            this(cases, Kind.VARIANT);
        }

        public enum Kind {
            VARIANT,
            OPTION,
            RESULT
        }
    }

    record ListType(ValueType element) implements ValueType {}

    record FlagsType(List<String> names) implements ValueType {
        public FlagsType {
            names = List.copyOf(names);
        }
    }

    record EnumType(List<String> names) implements ValueType {
        public EnumType {
            names = List.copyOf(names);
        }
    }

    /** An owned or borrowed handle to a resource of {@code resource}'s type. */
    record HandleType(ResourceType resource, boolean owned) implements ValueType {}

    /**
     * A resource type: one identity per definition, however many indices name it. One a component defines knows the
     * scope that defined it, which tells the component's own handles from others' (a borrow of its own resource
     * reaches it as the representation), and its destructor, a core function of that component.
     */
    final class ResourceType {
        private final String name;
        /** The name the defining component exports it by, once an export names it: what WIT calls it. */
        private volatile String exportedName;

        private final Optional<TypeScope> definer;
        private final Optional<Integer> destructor;

        /** A resource the host or another component implements. */
        public ResourceType(String name) {
            this(name, Optional.empty(), Optional.empty());
        }

        ResourceType(String name, Optional<TypeScope> definer, Optional<Integer> destructor) {
            this.name = name;
            this.definer = definer;
            this.destructor = destructor;
        }

        public String name() {
            return exportedName != null ? exportedName : name;
        }

        /** Names a resource that its component exports by {@code exported}, the first name it is exported by. */
        void exportedAs(String exported) {
            if (exportedName == null && definer.isPresent()) {
                exportedName = exported;
            }
        }

        /** Whether the component whose types {@code scope} resolves defined it. */
        boolean definedIn(TypeScope scope) {
            return definer.filter(defining -> defining == scope).isPresent();
        }

        /** The index of its destructor in its defining component's core functions, if it has one. */
        Optional<Integer> destructor() {
            return destructor;
        }

        @Override
        public String toString() {
            return "resource " + name();
        }
    }

    static VariantType option(ValueType type) {
        return new VariantType(
                List.of(new CaseType("none", Optional.empty()), new CaseType("some", Optional.of(type))),
                VariantType.Kind.OPTION);
    }

    static VariantType result(Optional<ValueType> ok, Optional<ValueType> error) {
        return new VariantType(List.of(new CaseType("ok", ok), new CaseType("error", error)), VariantType.Kind.RESULT);
    }
}
