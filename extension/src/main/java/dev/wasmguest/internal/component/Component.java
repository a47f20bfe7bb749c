package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A component as its binary defines it: its index spaces, each in definition order, and what it imports and
 * exports. Immutable once parsed.
 *
 * @param spaces every index space but types: {@code spaces.get(sort).get(i)} is definition {@code i} of that sort
 * @param types the type index space
 * @param imports the imports, in order
 * @param exports the exports, in order
 */
@API(status = INTERNAL, since = "0.1")
public record Component(
        Map<Sort, List<Definition>> spaces,
        List<TypeDef> types,
        List<Definition.Import> imports,
        List<Definition.Export> exports) {

    public Component {
        Map<Sort, List<Definition>> copy = new EnumMap<>(Sort.class);
        spaces.forEach((sort, definitions) -> copy.put(sort, List.copyOf(definitions)));
        spaces = copy;
        types = List.copyOf(types);
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
    }

    /** Its world in a line, for messages: {@code exports wasi:cli/run@0.2.12; imports wasi:cli/exit@0.2.12, ...}. */
    public String describeWorld() {
        return "exports " + names(exports.stream().map(Definition.Export::name).toList()) + "; imports "
                + names(imports.stream().map(Definition.Import::name).toList());
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "nothing" : String.join(", ", names);
    }

    /** The index space of {@code sort}; empty when nothing of that sort is defined. */
    public List<Definition> space(Sort sort) {
        return spaces.getOrDefault(sort, List.of());
    }
}
