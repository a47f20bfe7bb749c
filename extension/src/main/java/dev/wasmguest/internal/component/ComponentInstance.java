package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.component.CanonicalAbi.Core;
import dev.wasmguest.internal.component.Definition.CanonOptions;
import dev.wasmguest.internal.component.Definition.StringEncoding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import run.endive.runtime.HostFunction;
import run.endive.runtime.ImportGlobal;
import run.endive.runtime.ImportMemory;
import run.endive.runtime.ImportTable;
import run.endive.runtime.ImportValues;
import run.endive.runtime.Instance;
import run.endive.runtime.Memory;
import run.endive.runtime.TrapException;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.Export;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.FunctionImport;
import run.endive.wasm.types.Import;
import run.endive.wasm.types.ValType;

/**
 * One instance of a component: its definitions evaluated in order, core modules instantiated with what they import
 * (other core instances' exports, the host's functions lowered through the canonical ABI, resource built-ins), and
 * its exports lifted back to component functions. Instantiating runs the core modules' start functions. Not
 * thread-safe: a component instance runs on one thread at a time.
 */
@API(status = INTERNAL, since = "0.1")
public final class ComponentInstance {

    /**
     * Parses a component's core modules and makes their instances from what they import: the loader's and the
     * engine's choice, not the linker's. An instance runs its module's start function, never a command's
     * {@code _start}: the component calls that itself.
     */
    public interface CoreInstantiator {

        /** The parsed form of {@code module}, whose imports the linker reads: parse once, instantiate many times. */
        WasmModule parse(Definition.CoreModule module);

        /** A new instance of {@code module}, given {@code imports} for what its parsed form imports. */
        Instance instantiate(Definition.CoreModule module, ImportValues imports);
    }

    /** An instance value: what an instance exports by name (functions, instances), named for messages. */
    private record InstanceValue(String name, Map<String, Object> exports) {}

    private record CoreInstanceValue(
            Optional<Instance> instance, Optional<WasmModule> module, Map<String, CoreItem> items) {

        CoreItem item(String name) {
            CoreItem item = items.get(name);
            if (item != null) {
                return item;
            }
            Instance real = instance.orElseThrow(() -> new MalformedComponentException("no core export " + name));
            for (int i = 0; i < module.orElseThrow().exportSection().exportCount(); i++) {
                Export export = module.get().exportSection().getExport(i);
                if (export.name().equals(name)) {
                    return switch (export.exportType()) {
                        case FUNCTION ->
                            new CoreItem.Func(
                                    real.exportType(name),
                                    (caller, args) -> real.export(name).apply(args));
                        case MEMORY -> new CoreItem.Mem(real.exports().memory(name));
                        case TABLE -> new CoreItem.Table(real.exports().table(name));
                        case GLOBAL -> new CoreItem.Global(real.exports().global(name));
                        default -> throw new MalformedComponentException("unsupported core export kind of " + name);
                    };
                }
            }
            throw new MalformedComponentException("a core instance exports nothing named \"" + name + "\"");
        }
    }

    private final Component component;
    private final TypeScope scope;
    private final Function<String, Optional<Object>> imports;
    private final CoreInstantiator instantiator;
    private final HandleTable handles = new HandleTable();
    private final Map<Sort, Map<Integer, Object>> values = new EnumMap<>(Sort.class);
    private final Map<Integer, TypeScope.InstanceScope> instanceTypes = new HashMap<>();
    private final Map<CanonOptions, AbiContext> contexts = new IdentityHashMap<>();

    private ComponentInstance(
            Component component,
            Optional<TypeScope> outer,
            Map<String, ValueType.ResourceType> resources,
            Function<String, Optional<Object>> imports,
            CoreInstantiator instantiator) {
        this.component = component;
        this.imports = imports;
        this.instantiator = instantiator;
        this.scope = TypeScope.ofComponent(component.types(), outer, resources, this::instanceType);
    }

    /**
     * Instantiates {@code component} with the host's instances, by import name.
     *
     * @throws MalformedComponentException when an import is missing or a definition does not fit
     */
    public static ComponentInstance instantiate(
            Component component, Function<String, Optional<HostInstance>> host, CoreInstantiator instantiator) {
        ComponentInstance instance = new ComponentInstance(
                component,
                Optional.empty(),
                new HashMap<>(),
                name -> host.apply(name).map(Object.class::cast),
                instantiator);
        instance.evaluateCoreInstances();
        return instance;
    }

    /** The function the component exports as {@code name}, not inside an instance. */
    public Optional<ComponentFunction> export(String name) {
        return component.exports().stream()
                .filter(export -> export.name().equals(name))
                .findFirst()
                .map(this::valueOfExport)
                .filter(ComponentFunction.class::isInstance)
                .map(ComponentFunction.class::cast);
    }

    /** The function the component exports as {@code function} of its exported instance {@code instance}. */
    public Optional<ComponentFunction> export(String instance, String function) {
        for (Definition.Export export : component.exports()) {
            if (export.name().equals(instance)) {
                Object value = valueOfExport(export);
                if (value instanceof InstanceValue exported
                        && exported.exports().get(function) instanceof ComponentFunction f) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every function the component exports, in its order: its own by name, those of the instances it exports as
     * {@code instance#function}, as wasmtime names them.
     */
    public Map<String, ComponentFunction> functions() {
        Map<String, ComponentFunction> functions = new java.util.LinkedHashMap<>();
        for (Definition.Export export : component.exports()) {
            Object value = exportedValue(export).orElse(null); // types are exported too
            if (value instanceof ComponentFunction function) {
                functions.put(export.name(), function);
            } else if (value instanceof InstanceValue instance) {
                new java.util.TreeMap<>(instance.exports()).forEach((name, exported) -> {
                    if (exported instanceof ComponentFunction function) {
                        functions.put(export.name() + "#" + name, function);
                    }
                });
            }
        }
        return functions;
    }

    private Object valueOfExport(Definition.Export export) {
        return exportedValue(export)
                .orElseThrow(() -> new MalformedComponentException(
                        "export " + export.name() + " is neither an instance nor a function"));
    }

    /** The instance or function {@code export} exports; empty for an export of another sort. */
    private Optional<Object> exportedValue(Definition.Export export) {
        for (Sort sort : List.of(Sort.INSTANCE, Sort.FUNC)) {
            List<Definition> space = component.space(sort);
            for (int i = 0; i < space.size(); i++) {
                if (space.get(i) == export) {
                    return Optional.of(value(sort, i));
                }
            }
        }
        return Optional.empty();
    }

    /** Instantiates the core instances in index order: their start functions run in the order the binary gives. */
    private void evaluateCoreInstances() {
        for (int i = 0; i < component.space(Sort.CORE_INSTANCE).size(); i++) {
            value(Sort.CORE_INSTANCE, i);
        }
        for (int i = 0; i < component.space(Sort.INSTANCE).size(); i++) {
            value(Sort.INSTANCE, i);
        }
    }

    /** The definition at {@code index} of {@code sort}'s space, which must be a {@code kind}. */
    private <T> T value(Sort sort, int index, Class<T> kind) {
        return typed(value(sort, index), kind, sort + " " + index);
    }

    private static <T> T typed(Object value, Class<T> kind, String what) {
        if (!kind.isInstance(value)) {
            throw new MalformedComponentException(
                    what + " is " + describe(value) + " where " + describe(kind) + " is needed");
        }
        return kind.cast(value);
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : describe(value.getClass());
    }

    private static String describe(Class<?> kind) {
        String name = kind.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return (name.matches("^[aeiou].*") ? "an " : "a ") + name;
    }

    private Object value(Sort sort, int index) {
        Map<Integer, Object> known = values.computeIfAbsent(sort, any -> new HashMap<>());
        Object value = known.get(index);
        if (value == null) {
            List<Definition> space = component.space(sort);
            if (index < 0 || index >= space.size()) {
                throw new MalformedComponentException(
                        sort + " index " + index + " out of range (" + space.size() + ")");
            }
            value = evaluate(sort, space.get(index));
            known.put(index, value);
        }
        return value;
    }

    private Object evaluate(Sort sort, Definition definition) {
        if (definition instanceof Definition.Import imported) {
            return imports.apply(imported.name())
                    .map(value -> sort == Sort.INSTANCE && value instanceof HostInstance host
                            ? hostInstance(imported, host)
                            : value)
                    .orElseThrow(() -> new MalformedComponentException(
                            "the component imports " + imported.name() + ", which the host does not provide"));
        }
        if (definition instanceof Definition.Export export) {
            return value(sort, export.index());
        }
        if (definition instanceof Definition.ExportOf exportOf) {
            InstanceValue instance = value(Sort.INSTANCE, exportOf.instance(), InstanceValue.class);
            Object exported = instance.exports().get(exportOf.name());
            if (exported == null) {
                throw new MalformedComponentException(
                        instance.name() + " exports nothing named \"" + exportOf.name() + "\"");
            }
            return exported;
        }
        if (definition instanceof Definition.CoreExportOf coreExport) {
            return value(Sort.CORE_INSTANCE, coreExport.coreInstance(), CoreInstanceValue.class)
                    .item(coreExport.name());
        }
        if (definition instanceof Definition.OuterOf) {
            throw new MalformedComponentException("outer aliases of " + sort + " are not supported");
        }
        return switch (sort) {
            case CORE_INSTANCE -> coreInstance(definition);
            case CORE_FUNC -> coreFunction(definition);
            case FUNC -> lift((Definition.Lift) definition);
            case INSTANCE -> instance(definition);
            case COMPONENT -> definition;
            case CORE_MODULE -> definition;
            default -> throw new MalformedComponentException("unsupported definition of " + sort + ": " + definition);
        };
    }

    // ---- core ----

    private Object coreInstance(Definition definition) {
        if (definition instanceof Definition.InlineExports inline) {
            Map<String, CoreItem> items = new HashMap<>();
            for (Definition.Item item : inline.exports()) {
                Sort sort = item.sort();
                items.put(item.name(), value(sort, item.index(), CoreItem.class));
            }
            return new CoreInstanceValue(Optional.empty(), Optional.empty(), items);
        }
        Definition.Instantiation instantiation = (Definition.Instantiation) definition;
        Definition.CoreModule target = value(Sort.CORE_MODULE, instantiation.target(), Definition.CoreModule.class);
        WasmModule module = instantiator.parse(target);
        Map<String, CoreInstanceValue> args = new HashMap<>();
        for (Definition.Item arg : instantiation.args()) {
            args.put(arg.name(), value(Sort.CORE_INSTANCE, arg.index(), CoreInstanceValue.class));
        }
        ImportValues.Builder importValues = ImportValues.builder();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imported = module.importSection().getImport(i);
            CoreInstanceValue from = args.get(imported.module());
            if (from == null) {
                throw new MalformedComponentException("a core module imports from \"" + imported.module()
                        + "\", which its instantiation does not give");
            }
            link(module, imported, from.item(imported.name()), importValues);
        }
        Instance instance = instantiator.instantiate(target, importValues.build());
        return new CoreInstanceValue(Optional.of(instance), Optional.of(module), new HashMap<>());
    }

    private static void link(WasmModule module, Import imported, CoreItem item, ImportValues.Builder values) {
        String mod = imported.module();
        String name = imported.name();
        if (imported.importType() == ExternalType.FUNCTION && item instanceof CoreItem.Func func) {
            run.endive.wasm.types.FunctionType expected =
                    module.typeSection().getType(((FunctionImport) imported).typeIndex());
            values.addFunction(new HostFunction(mod, name, expected, func.handle()));
        } else if (imported.importType() == ExternalType.MEMORY && item instanceof CoreItem.Mem memory) {
            values.addMemory(new ImportMemory(mod, name, memory.memory()));
        } else if (imported.importType() == ExternalType.TABLE && item instanceof CoreItem.Table table) {
            values.addTable(new ImportTable(mod, name, table.table()));
        } else if (imported.importType() == ExternalType.GLOBAL && item instanceof CoreItem.Global global) {
            values.addGlobal(new ImportGlobal(mod, name, global.global()));
        } else {
            throw new MalformedComponentException("core import " + mod + "." + name + " is a " + imported.importType()
                    + " but is given a " + item.getClass().getSimpleName());
        }
    }

    private Object coreFunction(Definition definition) {
        if (definition instanceof Definition.Lower lower) {
            return lower(lower);
        }
        Definition.ResourceBuiltin builtin = (Definition.ResourceBuiltin) definition;
        ValueType.HandleType handle =
                typed(scope.valueTypeAt(builtin.type()), ValueType.HandleType.class, "resource type " + builtin.type());
        ValueType.ResourceType resource = handle.resource();
        return switch (builtin.operation()) {
            case DROP ->
                new CoreItem.Func(coreType(List.of(Core.I32), List.of()), (caller, args) -> {
                    drop(resource, handles.remove(resource, (int) args[0]));
                    return new long[0];
                });
            case NEW ->
                new CoreItem.Func(coreType(List.of(Core.I32), List.of(Core.I32)), (caller, args) ->
                        new long[] {handles.add(resource, (int) args[0])});
            case REP ->
                new CoreItem.Func(coreType(List.of(Core.I32), List.of(Core.I32)), (caller, args) ->
                        new long[] {(Integer) handles.get(resource, (int) args[0])});
        };
    }

    /**
     * Ends what a dropped owned handle stood for: a resource this component defines runs its destructor on the
     * representation, a host's is closed if it can be.
     */
    private void drop(ValueType.ResourceType resource, Object representation) {
        if (resource.definedIn(scope)) {
            resource.destructor()
                    .ifPresent(destructor -> value(Sort.CORE_FUNC, destructor, CoreItem.Func.class)
                            .handle()
                            .apply(null, (long) (Integer) representation));
        } else if (representation instanceof AutoCloseable closeable) {
            close(closeable);
        }
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new TrapException("dropping a resource failed: " + e);
        }
    }

    /** A core function that calls a component function: its arguments lifted from core values, its result lowered. */
    private CoreItem.Func lower(Definition.Lower lower) {
        ComponentFunction function = value(Sort.FUNC, lower.func(), ComponentFunction.class);
        FunctionType type = function.type();
        List<Core> params = flatten(type.paramTypes());
        List<Core> results = type.result().map(CanonicalAbi::flatten).orElse(List.of());
        boolean paramsInMemory = params.size() > CanonicalAbi.MAX_FLAT_PARAMS;
        boolean resultInMemory = results.size() > CanonicalAbi.MAX_FLAT_RESULTS;
        List<Core> coreParams = new ArrayList<>(paramsInMemory ? List.of(Core.I32) : params);
        if (resultInMemory) {
            coreParams.add(Core.I32);
        }
        List<Core> coreResults = resultInMemory ? List.of() : results;
        CanonOptions options = lower.options();
        return new CoreItem.Func(coreType(coreParams, coreResults), (caller, args) -> {
            AbiContext cx = context(options);
            List<Object> values;
            if (paramsInMemory) {
                values = loadTuple(cx, (int) args[0], type.paramTypes());
            } else {
                CanonicalAbi.FlatReader in = new CanonicalAbi.FlatReader(args);
                values = new ArrayList<>();
                for (ValueType param : type.paramTypes()) {
                    values.add(CanonicalAbi.liftFlat(cx, in, param));
                }
            }
            Object result = function.call(values);
            if (type.result().isEmpty()) {
                return new long[0];
            }
            if (resultInMemory) {
                CanonicalAbi.store(cx, result, type.result().get(), (int) args[args.length - 1]);
                return new long[0];
            }
            List<Long> flat = new ArrayList<>();
            CanonicalAbi.lowerFlat(cx, result, type.result().get(), flat);
            return flat.stream().mapToLong(Long::longValue).toArray();
        });
    }

    /** A component function that calls a core function: its arguments lowered to core values, its result lifted. */
    private ComponentFunction lift(Definition.Lift lift) {
        CoreItem.Func core = value(Sort.CORE_FUNC, lift.coreFunc(), CoreItem.Func.class);
        FunctionType type = scope.functionAt(lift.type());
        CanonOptions options = lift.options();
        Optional<CoreItem.Func> postReturn =
                options.postReturn().map(index -> value(Sort.CORE_FUNC, index, CoreItem.Func.class));
        return new ComponentFunction() {
            @Override
            public FunctionType type() {
                return type;
            }

            @Override
            public Object call(List<Object> args) {
                return LiftedCall.call(
                        context(options),
                        type,
                        args,
                        flat -> core.handle().apply(null, flat),
                        postReturn.map(post -> flat -> post.handle().apply(null, flat)));
            }
        };
    }

    // ---- component instances ----

    private Object instance(Definition definition) {
        if (definition instanceof Definition.InlineExports inline) {
            Map<String, Object> exports = new HashMap<>();
            for (Definition.Item item : inline.exports()) {
                exports.put(item.name(), value(item.sort(), item.index()));
            }
            return new InstanceValue("an instance of exports", exports);
        }
        Definition.Instantiation instantiation = (Definition.Instantiation) definition;
        Component nested = value(Sort.COMPONENT, instantiation.target(), Definition.NestedComponent.class)
                .component();
        Map<String, Object> args = new HashMap<>();
        for (Definition.Item arg : instantiation.args()) {
            if (arg.sort() != Sort.TYPE) {
                args.put(arg.name(), value(arg.sort(), arg.index()));
            }
        }
        ComponentInstance inner = new ComponentInstance(
                nested, Optional.of(scope), new HashMap<>(), name -> Optional.ofNullable(args.get(name)), instantiator);
        inner.evaluateCoreInstances();
        Map<String, Object> exports = new HashMap<>();
        for (Definition.Export export : nested.exports()) {
            exports.put(export.name(), inner.valueOfExport(export));
        }
        return new InstanceValue("nested component " + instantiation.target(), exports);
    }

    /** The host's instance as the component sees it: each function with the type its instance type gives. */
    private InstanceValue hostInstance(Definition.Import imported, HostInstance host) {
        // the same scope that type aliases of the instance's exports resolve in: each instance type resolved once
        TypeScope.InstanceScope type =
                instanceType(component.space(Sort.INSTANCE).indexOf(imported)).orElseThrow();
        Map<String, Object> exports = new HashMap<>();
        type.functions().keySet().forEach(name -> {
            FunctionType functionType = type.function(name).orElseThrow();
            host.function(name, functionType)
                    .ifPresent(call -> exports.put(name, new ComponentFunction() {
                        @Override
                        public FunctionType type() {
                            return functionType;
                        }

                        @Override
                        public Object call(List<Object> args) {
                            return call.call(args);
                        }
                    }));
        });
        return new InstanceValue(imported.name(), exports);
    }

    private Optional<TypeScope.InstanceScope> instanceType(int index) {
        List<Definition> space = component.space(Sort.INSTANCE);
        if (index < 0 || index >= space.size() || !(space.get(index) instanceof Definition.Import imported)) {
            return Optional.empty();
        }
        return Optional.of(instanceTypes.computeIfAbsent(
                index, i -> scope.instanceType(imported.type().typeIndex(), imported.name())));
    }

    // ---- the canonical ABI's context ----

    /**
     * The context of calls with {@code options}, made at the first such call (its memory and realloc are core
     * exports, there by then) and kept: a component makes many calls with the same options.
     */
    private AbiContext context(CanonOptions options) {
        return contexts.computeIfAbsent(options, this::newContext);
    }

    private AbiContext newContext(CanonOptions options) {
        Optional<Memory> memory = options.memory()
                .map(index -> value(Sort.CORE_MEMORY, index, CoreItem.Mem.class).memory());
        Optional<CoreItem.Func> realloc =
                options.realloc().map(index -> value(Sort.CORE_FUNC, index, CoreItem.Func.class));
        StringEncoding encoding = options.encoding();
        return new AbiContext() {
            @Override
            public Memory memory() {
                return memory.orElseThrow(() -> new TrapException("the canonical options name no memory"));
            }

            @Override
            public StringEncoding encoding() {
                return encoding;
            }

            @Override
            public int allocate(int alignment, int size) {
                CoreItem.Func allocator =
                        realloc.orElseThrow(() -> new TrapException("the canonical options name no realloc"));
                return (int) allocator.handle().apply(null, 0, 0, alignment, size)[0];
            }

            @Override
            public int lowerHandle(ValueType.HandleType type, Object representation) {
                return !type.owned() && type.resource().definedIn(scope)
                        ? (Integer) representation // a borrow of its own resource reaches it as the representation
                        : handles.add(type.resource(), representation);
            }

            @Override
            public Object liftHandle(ValueType.HandleType type, int handle) {
                return type.owned() ? handles.remove(type.resource(), handle) : handles.get(type.resource(), handle);
            }
        };
    }

    private static List<Object> loadTuple(AbiContext cx, int ptr, List<ValueType> types) {
        List<ValueType.Named> fields = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            fields.add(new ValueType.Named(String.valueOf(i), types.get(i)));
        }
        @SuppressWarnings("unchecked")
        List<Object> values = (List<Object>) CanonicalAbi.load(cx, ptr, new ValueType.RecordType(fields));
        return values;
    }

    private static List<Core> flatten(List<ValueType> types) {
        List<Core> flat = new ArrayList<>();
        types.forEach(type -> flat.addAll(CanonicalAbi.flatten(type)));
        return flat;
    }

    private static run.endive.wasm.types.FunctionType coreType(List<Core> params, List<Core> results) {
        return run.endive.wasm.types.FunctionType.of(valTypes(params), valTypes(results));
    }

    private static List<ValType> valTypes(List<Core> cores) {
        return cores.stream().map(Core::valType).toList();
    }
}
