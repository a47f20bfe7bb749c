package dev.wasmguest.internal.load;

import dev.wasmguest.internal.util.Background;
import java.io.ByteArrayInputStream;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.CodeSection;
import run.endive.wasm.types.CustomSection;
import run.endive.wasm.types.DataCountSection;
import run.endive.wasm.types.DataSection;
import run.endive.wasm.types.ElementSection;
import run.endive.wasm.types.ExportSection;
import run.endive.wasm.types.FunctionBody;
import run.endive.wasm.types.FunctionSection;
import run.endive.wasm.types.GlobalSection;
import run.endive.wasm.types.ImportSection;
import run.endive.wasm.types.MemorySection;
import run.endive.wasm.types.Section;
import run.endive.wasm.types.SectionId;
import run.endive.wasm.types.StartSection;
import run.endive.wasm.types.TableSection;
import run.endive.wasm.types.TagSection;
import run.endive.wasm.types.TypeSection;

/**
 * Turns a module's bytes into Endive's {@link WasmModule}, whole or with only some function bodies decoded.
 *
 * <p>Two differences from {@link Parser#parse(java.util.function.Supplier)}: the module's digest is the sha256 we
 * computed already (Endive would hash the bytes a second time), and a module whose compiled code is at hand can be
 * parsed without decoding the bodies compiled code replaces, which is most of a large module's parse.
 */
final class ModuleParser {

    /** What stands in for a body that was not decoded: it traps if it is ever interpreted. */
    private static final FunctionBody NOT_DECODED = notDecodedBody();

    private ModuleParser() {}

    /**
     * Every section, every body.
     *
     * @param digest what {@link WasmModule#digest()} answers
     * @throws run.endive.wasm.WasmEngineException when the module is malformed, or invalid and
     *         {@code validate} is set
     */
    static WasmModule parse(byte[] bytes, String digest, boolean validate) {
        WasmModule.Builder module =
                WasmModule.builder().withValidation(validate).withDigest(digest);
        Parser.builder()
                .withValidation(validate)
                .build()
                .parse(new ByteArrayInputStream(bytes), section -> add(module, section));
        return module.build();
    }

    /**
     * Every section, but of the code section only the bodies at {@code decoded} (indices into the code section), for
     * a module that was validated before and whose other functions run as compiled code. The chosen bodies are
     * decoded on another thread while this one parses the rest.
     *
     * @throws run.endive.wasm.WasmEngineException when the module is malformed
     */
    static WasmModule parseWithBodiesOf(byte[] bytes, String digest, Collection<Integer> decoded) {
        ModuleLayout layout = ModuleLayout.of(bytes);
        SortedSet<Integer> chosen = new TreeSet<>();
        for (int body : decoded) {
            if (body >= 0 && body < layout.bodyCount()) {
                chosen.add(body);
            }
        }
        CompletableFuture<CodeSection> code = Background.start("wasmguest-parse", () -> codeSection(layout, chosen));
        WasmModule.Builder module = WasmModule.builder().withValidation(false).withDigest(digest);
        Parser.Builder parser = Parser.builder().withValidation(false);
        for (int id = SectionId.CUSTOM; id <= SectionId.TAG; id++) {
            if (id != SectionId.CODE) {
                parser.includeSectionId(id);
            }
        }
        parser.build().parse(new ByteArrayInputStream(bytes), section -> add(module, section));
        try {
            module.setCodeSection(code.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
        }
        return module.build();
    }

    /** A code section of the chosen bodies, decoded, and of placeholders for all others. */
    private static CodeSection codeSection(ModuleLayout layout, SortedSet<Integer> chosen) {
        FunctionBody[] bodies = new FunctionBody[layout.bodyCount()];
        if (!chosen.isEmpty()) {
            CodeSection parsed = Parser.builder()
                    .withValidation(false)
                    .build()
                    .parse(() -> new ByteArrayInputStream(layout.moduleOfBodies(chosen)))
                    .codeSection();
            int next = 0;
            for (int index : chosen) {
                bodies[index] = parsed.getFunctionBody(next++);
            }
        }
        CodeSection.Builder code = CodeSection.builder();
        for (FunctionBody body : bodies) {
            code.addFunctionBody(body == null ? NOT_DECODED : body);
        }
        return code.build();
    }

    private static FunctionBody notDecodedBody() {
        // (module (func unreachable)): a body that is valid for any function type and traps when run.
        byte[] module = {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 10, 4, 1, 2, 0, 0x0b};
        return Parser.parse(module).codeSection().getFunctionBody(0);
    }

    private static void add(WasmModule.Builder module, Section section) {
        switch (section.sectionId()) {
            case SectionId.CUSTOM:
                CustomSection custom = (CustomSection) section;
                module.addCustomSection(custom.name(), custom);
                break;
            case SectionId.TYPE:
                module.setTypeSection((TypeSection) section);
                break;
            case SectionId.IMPORT:
                module.setImportSection((ImportSection) section);
                break;
            case SectionId.FUNCTION:
                module.setFunctionSection((FunctionSection) section);
                break;
            case SectionId.TABLE:
                module.setTableSection((TableSection) section);
                break;
            case SectionId.MEMORY:
                module.setMemorySection((MemorySection) section);
                break;
            case SectionId.GLOBAL:
                module.setGlobalSection((GlobalSection) section);
                break;
            case SectionId.EXPORT:
                module.setExportSection((ExportSection) section);
                break;
            case SectionId.START:
                module.setStartSection((StartSection) section);
                break;
            case SectionId.ELEMENT:
                module.setElementSection((ElementSection) section);
                break;
            case SectionId.CODE:
                module.setCodeSection((CodeSection) section);
                break;
            case SectionId.DATA:
                module.setDataSection((DataSection) section);
                break;
            case SectionId.DATA_COUNT:
                module.setDataCountSection((DataCountSection) section);
                break;
            case SectionId.TAG:
                module.setTagSection((TagSection) section);
                break;
            default:
                module.addIgnoredSection(section.sectionId());
                break;
        }
    }
}
