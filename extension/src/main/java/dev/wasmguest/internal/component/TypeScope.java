package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * A type index space with every index resolvable to a {@link ValueType} or {@link FunctionType}: a component's own,
 * or the local one of an instance type. Outer aliases reach the enclosing scope. Each resource type is one
 * {@link ValueType.ResourceType}, however many indices name it: an imported instance's resources are named
 * {@code <instance>#<resource>} (e.g. {@code wasi:io/streams@0.2.12#output-stream}), once per component instance,
 * through the {@code resources} registry that the scopes of one instantiation share. Not thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class TypeScope {

    private final List<TypeDef> types;
    private final Optional<TypeScope> outer;
    private final Map<String, ValueType.ResourceType> resources;
    /** The instance an instance type's scope describes, for naming its resources; empty for a component's scope. */
    private final Optional<String> instanceName;
    /** The type of the instance at an index of the component's instance space, as the scope's owner knows it. */
    private final IntFunction<Optional<InstanceScope>> instances;

    private final Map<Integer, ValueType> resolved = new HashMap<>();

    private TypeScope(
            List<TypeDef> types,
            Optional<TypeScope> outer,
            Map<String, ValueType.ResourceType> resources,
            Optional<String> instanceName,
            IntFunction<Optional<InstanceScope>> instances) {
        this.types = types;
        this.outer = outer;
        this.resources = resources;
        this.instanceName = instanceName;
        this.instances = instances;
    }

    /** The exports of an instance type: its functions' and types' local indices, in its own scope. */
    public record InstanceScope(TypeScope scope, Map<String, Integer> functions, Map<String, Integer> types) {

        /** The type of the exported function {@code name}. */
        public Optional<FunctionType> function(String name) {
            return Optional.ofNullable(functions.get(name)).map(scope::functionAt);
        }
    }

    /**
     * The scope of a component's types.
     *
     * @param instances the instance type of each instance index, where the component knows one (its imports)
     */
    public static TypeScope ofComponent(
            List<TypeDef> types,
            Optional<TypeScope> outer,
            Map<String, ValueType.ResourceType> resources,
            IntFunction<Optional<InstanceScope>> instances) {
        return new TypeScope(types, outer, resources, Optional.empty(), instances);
    }

    /**
     * The scope inside the instance type at {@code index}, describing the instance imported as {@code instanceName}.
     *
     * @throws MalformedComponentException when the index is not an instance type
     */
    public InstanceScope instanceType(int index, String instanceName) {
        TypeDef type = definition(index);
        if (type instanceof TypeDef.Outer outerAlias) {
            return outerScope(outerAlias.count()).instanceType(outerAlias.index(), instanceName);
        }
        if (!(type instanceof TypeDef.Instance instance)) {
            throw new MalformedComponentException("type " + index + " is not an instance type");
        }
        List<TypeDef> local = new ArrayList<>();
        Map<String, Integer> functions = new HashMap<>();
        Map<String, Integer> exportedTypes = new HashMap<>();
        for (TypeDef.Declaration declaration : instance.declarations()) {
            if (declaration instanceof TypeDef.TypeDeclaration defined) {
                local.add(defined.type());
            } else if (declaration instanceof TypeDef.ExternDeclaration extern && !extern.isImport()) {
                switch (extern.type().sort()) {
                    case TYPE -> {
                        exportedTypes.put(extern.name(), local.size());
                        local.add(new TypeDef.Imported(
                                extern.name(), extern.type().equalTo()));
                    }
                    case FUNC -> functions.put(extern.name(), extern.type().typeIndex());
                    default -> {} // instances and components inside instance types: not in WASI 0.2
                }
            }
        }
        TypeScope scope =
                new TypeScope(local, Optional.of(this), resources, Optional.of(instanceName), i -> Optional.empty());
        return new InstanceScope(scope, Map.copyOf(functions), Map.copyOf(exportedTypes));
    }

    /** The value type {@code type} stands for. */
    public ValueType valueType(TypeDef.ValType type) {
        return type instanceof TypeDef.Primitive primitive ? primitive : valueTypeAt(((TypeDef.Ref) type).index());
    }

    /** The value type defined at {@code index}. */
    public ValueType valueTypeAt(int index) {
        ValueType known = resolved.get(index);
        if (known == null) {
            known = resolve(index);
            resolved.put(index, known);
        }
        return known;
    }

    /** The function type defined at {@code index}. */
    public FunctionType functionAt(int index) {
        TypeDef type = definition(index);
        if (type instanceof TypeDef.Outer outerAlias) {
            return outerScope(outerAlias.count()).functionAt(outerAlias.index());
        }
        if (!(type instanceof TypeDef.Func func)) {
            throw new MalformedComponentException("type " + index + " is not a function type");
        }
        return new FunctionType(
                func.params().stream()
                        .map(param -> new ValueType.Named(param.name(), valueType(param.type())))
                        .toList(),
                func.result().map(this::valueType));
    }

    private ValueType resolve(int index) {
        TypeDef type = definition(index);
        if (type instanceof TypeDef.Primitive primitive) {
            return primitive;
        }
        if (type instanceof TypeDef.Record record) {
            return new ValueType.RecordType(record.fields().stream()
                    .map(field -> new ValueType.Named(field.name(), valueType(field.type())))
                    .toList());
        }
        if (type instanceof TypeDef.Tuple tuple) {
            List<ValueType.Named> fields = new ArrayList<>();
            for (int i = 0; i < tuple.types().size(); i++) {
                fields.add(new ValueType.Named(
                        String.valueOf(i), valueType(tuple.types().get(i))));
            }
            return new ValueType.RecordType(fields);
        }
        if (type instanceof TypeDef.Variant variant) {
            return new ValueType.VariantType(variant.cases().stream()
                    .map(c -> new ValueType.CaseType(c.name(), c.type().map(this::valueType)))
                    .toList());
        }
        if (type instanceof TypeDef.ListOf list) {
            return new ValueType.ListType(valueType(list.element()));
        }
        if (type instanceof TypeDef.Flags flags) {
            return new ValueType.FlagsType(flags.names());
        }
        if (type instanceof TypeDef.Enum enumType) {
            return new ValueType.EnumType(enumType.names());
        }
        if (type instanceof TypeDef.Option option) {
            return ValueType.option(valueType(option.type()));
        }
        if (type instanceof TypeDef.Result result) {
            return ValueType.result(
                    result.ok().map(this::valueType), result.error().map(this::valueType));
        }
        if (type instanceof TypeDef.Own own) {
            return new ValueType.HandleType(resource(own.resource()), true);
        }
        if (type instanceof TypeDef.Borrow borrow) {
            return new ValueType.HandleType(resource(borrow.resource()), false);
        }
        if (type instanceof TypeDef.Resource resource) {
            return resourceHandleOf(index, resource.destructor());
        }
        if (type instanceof TypeDef.Imported imported) {
            return imported.equalTo().isPresent()
                    ? valueTypeAt(imported.equalTo().get())
                    : new ValueType.HandleType(
                            resources.computeIfAbsent(
                                    instanceName.map(name -> name + "#").orElse("") + imported.name(),
                                    ValueType.ResourceType::new),
                            true);
        }
        if (type instanceof TypeDef.Outer outerAlias) {
            return outerScope(outerAlias.count()).valueTypeAt(outerAlias.index());
        }
        if (type instanceof TypeDef.Exported exported) {
            ValueType target = valueTypeAt(exported.index());
            if (target instanceof ValueType.HandleType handle) {
                handle.resource().exportedAs(exported.name());
            }
            return target;
        }
        if (type instanceof TypeDef.InstanceExport export) {
            InstanceScope instance = instances
                    .apply(export.instance())
                    .orElseThrow(() -> new MalformedComponentException("type alias of export \"" + export.name()
                            + "\" of instance " + export.instance() + ", whose type is not known here"));
            Integer local = instance.types().get(export.name());
            if (local == null) {
                throw new MalformedComponentException(
                        "instance " + export.instance() + " exports no type \"" + export.name() + "\"");
            }
            return instance.scope().valueTypeAt(local);
        }
        throw new MalformedComponentException(
                "type " + index + " (" + type.getClass().getSimpleName() + ") is not a value type");
    }

    /** The resource type at {@code index}, which resolves, as every resource type does, to its owned handle. */
    private ValueType.ResourceType resource(int index) {
        ValueType handle = valueTypeAt(index);
        if (!(handle instanceof ValueType.HandleType resourceHandle)) {
            throw new MalformedComponentException("type " + index + " is not a resource type");
        }
        return resourceHandle.resource();
    }

    /** A resource defined by the component itself: named by its index, one identity per scope. */
    private ValueType resourceHandleOf(int index, Optional<Integer> destructor) {
        return new ValueType.HandleType(
                resources.computeIfAbsent(
                        "(own resource " + index + " of " + System.identityHashCode(this) + ")",
                        name -> new ValueType.ResourceType(name, Optional.of(this), destructor)),
                true);
    }

    private TypeDef definition(int index) {
        if (index < 0 || index >= types.size()) {
            throw new MalformedComponentException("type index " + index + " out of range (" + types.size() + ")");
        }
        return types.get(index);
    }

    private TypeScope outerScope(int count) {
        TypeScope scope = this;
        for (int i = 0; i < count; i++) {
            scope = scope.outer.orElseThrow(
                    () -> new MalformedComponentException("outer alias reaches past the outermost component"));
        }
        return scope;
    }
}
