package dev.wasmguest.internal.component;

import run.endive.runtime.GlobalInstance;
import run.endive.runtime.Memory;
import run.endive.runtime.TableInstance;
import run.endive.runtime.WasmFunctionHandle;
import run.endive.wasm.types.FunctionType;

/** What a core instance exports, or a core function the component makes: what core modules import. */
sealed interface CoreItem {

    record Func(FunctionType type, WasmFunctionHandle handle) implements CoreItem {}

    record Mem(Memory memory) implements CoreItem {}

    record Table(TableInstance table) implements CoreItem {}

    record Global(GlobalInstance global) implements CoreItem {}
}
