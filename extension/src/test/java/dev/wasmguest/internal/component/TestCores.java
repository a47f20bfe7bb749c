package dev.wasmguest.internal.component;

import run.endive.runtime.ImportValues;
import run.endive.runtime.Instance;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;

/** Core modules for tests: parsed at each use, instantiated in Endive's interpreter, never started. */
public final class TestCores implements ComponentInstance.CoreInstantiator {

    @Override
    public WasmModule parse(Definition.CoreModule module) {
        return Parser.parse(module.bytes());
    }

    @Override
    public Instance instantiate(Definition.CoreModule module, ImportValues imports) {
        return Instance.builder(parse(module))
                .withImportValues(imports)
                .withStart(false)
                .build();
    }
}
