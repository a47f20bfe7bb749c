package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** One entry of a component's index spaces (all but types, which are {@link TypeDef}s). */
@API(status = INTERNAL, since = "0.1")
public sealed interface Definition {

    /** An argument of an instantiation, or an export of an instance made of exports. */
    record Item(String name, Sort sort, int index) {}

    /** A core module, its bytes as they stand in the component. */
    record CoreModule(byte[] bytes) implements Definition {}

    /** A component nested in this one. */
    record NestedComponent(Component component) implements Definition {}

    /** A core module or component instantiated with {@code args}. */
    record Instantiation(int target, List<Item> args) implements Definition {}

    /** An instance made of {@code exports}, which name other definitions. */
    record InlineExports(List<Item> exports) implements Definition {}

    /** What an instance exports under {@code name}. */
    record ExportOf(int instance, String name) implements Definition {}

    /** What a core instance exports under {@code name}. */
    record CoreExportOf(int coreInstance, String name) implements Definition {}

    /** A definition of an enclosing component: {@code count} levels out, at {@code index}. */
    record OuterOf(int count, int index) implements Definition {}

    /** What the component imports under {@code name}. */
    record Import(String name, TypeDef.ExternType type) implements Definition {}

    /** What the component exports under {@code name}: the definition at {@code index}, under a new index. */
    record Export(String name, int index) implements Definition {}

    /** A component function made of the core function {@code coreFunc}, of the function type at {@code type}. */
    record Lift(int coreFunc, CanonOptions options, int type) implements Definition {}

    /** A core function made of the component function {@code func}. */
    record Lower(int func, CanonOptions options) implements Definition {}

    /** A core function that makes, drops or reads a handle of the resource type at {@code type}. */
    record ResourceBuiltin(ResourceOperation operation, int type) implements Definition {}

    /** A core type: only its form ({@code 0x60} function, {@code 0x50} module) and size, since only core modules use them. */
    record CoreType(int form, int size) implements Definition {}

    enum ResourceOperation {
        NEW,
        DROP,
        REP
    }

    enum StringEncoding {
        UTF8,
        UTF16,
        LATIN1_UTF16
    }

    /** The options of a {@code canon lift} or {@code canon lower}. */
    record CanonOptions(
            StringEncoding encoding,
            Optional<Integer> memory,
            Optional<Integer> realloc,
            Optional<Integer> postReturn) {}
}
