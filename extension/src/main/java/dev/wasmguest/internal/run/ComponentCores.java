package dev.wasmguest.internal.run;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.internal.component.ComponentInstance;
import dev.wasmguest.internal.component.Definition;
import dev.wasmguest.internal.load.LoadedComponent;
import dev.wasmguest.internal.load.LoadedModule;
import dev.wasmguest.internal.trace.UnwindingInterpreter;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import run.endive.runtime.ImportValues;
import run.endive.runtime.Instance;
import run.endive.wasm.WasmModule;

/**
 * The core instances of one component instance, each made with the code its engine choice gave its module (compiled
 * or interpreted), its memory within the limit, and watched so that a trap's backtrace can join the parts of every
 * core module it went through, in the {@link GuestEnding} of the call under way.
 */
final class ComponentCores implements ComponentInstance.CoreInstantiator {

    private final LoadedComponent component;
    private final Map<Definition.CoreModule, LoadedModule.Code> code;
    private final RunSpec spec;
    private final BooleanSupplier stopped;
    private final Supplier<GuestEnding> ending;
    /** The core instances with a memory of their own, and the module of each. */
    private final Map<Instance, LoadedModule> memoryOf = new ConcurrentHashMap<>();

    private final Map<LoadedModule, Optional<UnwindingInterpreter>> machines = new ConcurrentHashMap<>();

    /**
     * @param ending the ending of the call under way, which hears of failures leaving compiled code
     */
    ComponentCores(
            LoadedComponent component,
            Map<Definition.CoreModule, LoadedModule.Code> code,
            RunSpec spec,
            BooleanSupplier stopped,
            Supplier<GuestEnding> ending) {
        this.component = component;
        this.code = code;
        this.spec = spec;
        this.stopped = stopped;
        this.ending = ending;
    }

    @Override
    public WasmModule parse(Definition.CoreModule module) {
        return code.get(module).module();
    }

    @Override
    public Instance instantiate(Definition.CoreModule definition, ImportValues imports) {
        LoadedModule module = component.module(definition);
        LoadedModule.Code moduleCode = code.get(definition);
        Instance.Builder builder = Instance.builder(moduleCode.module())
                .withImportValues(imports)
                .withStart(false)
                .withMemoryFactory(FlatMemory.withRoomFor(module.pagesReached()));
        GuestSandbox.machines(
                builder,
                moduleCode,
                stopped,
                interpreter -> {
                    machines.put(module, interpreter);
                    ending.get().ran(module, interpreter);
                },
                machine -> new FailureWatch(machine, () -> ending.get().failureLeft(module)));
        module.declaredMemory()
                .ifPresent(declared -> builder.withMemoryLimits(
                        spec.limits().bound(declared, "a core module of component " + component.source())));
        Instance instance = builder.build();
        if (module.declaredMemory().isPresent()) {
            memoryOf.put(instance, module);
        }
        return instance;
    }

    /** Tells {@code call} which machines run the core modules, for a backtrace through them. */
    void ranIn(GuestEnding call) {
        machines.forEach(call::ran);
    }

    /** Tells each core module how large its memory is now, so that its next instances start with room for it. */
    void rememberMemories() {
        memoryOf.forEach((instance, module) -> module.reached(instance.memory().pages()));
    }

    /** The largest memory of the component's core modules now. */
    long memoryBytes() {
        return memoryOf.keySet().stream()
                .mapToLong(instance -> (long) instance.memory().pages() * RunLimits.PAGE_BYTES)
                .max()
                .orElse(0);
    }

    /** The memory of the core instance with the largest one: the program's, which the adapters and shims serve. */
    Optional<Instance> largestMemory() {
        return memoryOf.keySet().stream()
                .max(Comparator.comparingInt(instance -> instance.memory().pages()));
    }

    /** The engine that runs the component's largest core module, the program the adapters and shims serve. */
    WasiEngine engine() {
        return code.entrySet().stream()
                .max(Comparator.comparingInt(entry -> entry.getKey().bytes().length))
                .map(entry -> entry.getValue().engine())
                .orElse(WasiEngine.INTERPRETER);
    }
}
