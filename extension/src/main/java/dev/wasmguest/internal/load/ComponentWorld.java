package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.component.Component;
import dev.wasmguest.internal.component.Definition;
import dev.wasmguest.internal.component.Sort;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A component's world: the names it exports and imports, e.g. {@code wasi:cli/run@0.2.12}. Its imports are those
 * a host must give (instances, functions), not the types it names by importing them: componentize-js imports each
 * record of its world so ({@code (import "point" (type (eq 3)))}), which nothing needs to serve.
 *
 * @param description the world in a line, for messages
 */
@API(status = INTERNAL, since = "0.1")
public record ComponentWorld(List<String> exports, List<String> imports, String description) implements GuestShape {

    public ComponentWorld {
        exports = List.copyOf(exports);
        imports = List.copyOf(imports);
    }

    static ComponentWorld of(Component component) {
        return new ComponentWorld(
                component.exports().stream().map(Definition.Export::name).toList(),
                component.imports().stream()
                        .filter(imported -> imported.type().sort() != Sort.TYPE)
                        .map(Definition.Import::name)
                        .toList(),
                component.describeWorld());
    }

    /** The {@code wasi:cli/run} export a command component has, of any 0.2.x version. */
    public java.util.Optional<String> run() {
        return exports.stream()
                .filter(name -> name.startsWith("wasi:cli/run@0.2"))
                .findFirst();
    }
}
