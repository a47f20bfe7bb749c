package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One entry of a component's type index space, as the binary defines it: a value type, a function type, the type of
 * an instance or a component, a resource, or a type taken from elsewhere (an import, an export of an instance, an
 * enclosing component).
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface TypeDef {

    /** A value type: a primitive, or the index of a defined value type. */
    sealed interface ValType {}

    enum Primitive implements ValType, TypeDef, ValueType {
        BOOL,
        S8,
        U8,
        S16,
        U16,
        S32,
        U32,
        S64,
        U64,
        F32,
        F64,
        CHAR,
        STRING
    }

    /** A value type defined at {@code index} of the type index space. */
    record Ref(int index) implements ValType {}

    record Field(String name, ValType type) {}

    record Case(String name, Optional<ValType> type) {}

    record Record(List<Field> fields) implements TypeDef {}

    record Variant(List<Case> cases) implements TypeDef {}

    record ListOf(ValType element) implements TypeDef {}

    record Tuple(List<ValType> types) implements TypeDef {}

    record Flags(List<String> names) implements TypeDef {}

    record Enum(List<String> names) implements TypeDef {}

    record Option(ValType type) implements TypeDef {}

    record Result(Optional<ValType> ok, Optional<ValType> error) implements TypeDef {}

    /** An owned handle to a resource of the type at {@code resource}. */
    record Own(int resource) implements TypeDef {}

    /** A borrowed handle to a resource of the type at {@code resource}. */
    record Borrow(int resource) implements TypeDef {}

    record Func(List<Field> params, Optional<ValType> result) implements TypeDef {}

    /** A resource defined here: its core representation ({@code i32}) and its destructor, a core function. */
    record Resource(Optional<Integer> destructor) implements TypeDef {}

    /** The type of an instance: what it exports, each with its own type index space. */
    record Instance(List<Declaration> declarations) implements TypeDef {}

    /** The type of a component: what it imports and exports. */
    record ComponentType(List<Declaration> declarations) implements TypeDef {}

    /** A type an import brings in: {@code (type (eq i))} or a fresh resource ({@code (sub resource)}). */
    record Imported(String name, Optional<Integer> equalTo) implements TypeDef {}

    /** A type that an instance at {@code instance} exports under {@code name}. */
    record InstanceExport(int instance, String name) implements TypeDef {}

    /** A type of an enclosing component: {@code count} levels out, at {@code index}. */
    record Outer(int count, int index) implements TypeDef {}

    /** A type this component exports under {@code name}: the same as the one at {@code index}. */
    record Exported(String name, int index) implements TypeDef {}

    /** One declaration of an instance or component type. */
    sealed interface Declaration {}

    /** A type defined inside the instance or component type. */
    record TypeDeclaration(TypeDef type) implements Declaration {}

    /** A core type declared inside the instance or component type. */
    record CoreTypeDeclaration(Definition.CoreType type) implements Declaration {}

    /** An import of a component type, or an export of an instance or component type. */
    record ExternDeclaration(boolean isImport, String name, ExternType type) implements Declaration {}

    /** What an import or export is: its sort and, for most sorts, the index of its type. */
    record ExternType(Sort sort, int typeIndex, Optional<Integer> equalTo) {}
}
