package dev.wasmguest.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.internal.resolve.ResolvedModule;
import dev.wasmguest.internal.source.BytesSource;
import dev.wasmguest.internal.util.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Modules are checked before any run: malformed bytes fail naming the module; what a module exports is known. */
class ModuleLoaderTest {

    @Test
    void preparesACommand() throws IOException {
        byte[] seed = resource("seed.wasm");
        LoadedGuest guest = ModuleLoader.prepare(new BytesSource(seed), new ResolvedModule(seed, Sha256.hex(seed)));
        assertThat(guest.fileName()).isEqualTo("module.wasm");
    }

    @Test
    void truncatedModuleIsMalformed() throws IOException {
        byte[] truncated = Arrays.copyOf(resource("seed.wasm"), 1000);
        BytesSource source = new BytesSource(truncated);

        assertThatThrownBy(() -> ModuleLoader.prepare(source, new ResolvedModule(truncated, Sha256.hex(truncated))))
                .isInstanceOf(GuestResolutionException.class)
                .hasMessageStartingWith("Cannot load guest module " + source.describe() + ": malformed module: ")
                .hasMessageContaining("rebuild it");
    }

    @Test
    void aModuleWithoutStartIsPreparedAndSaysWhatItExportsAndImports() throws IOException {
        byte[] reactor = resource("counter.wasm");

        ModuleInterface shape = ((LoadedModule) ModuleLoader.prepare(
                        new BytesSource(reactor), new ResolvedModule(reactor, Sha256.hex(reactor))))
                .moduleInterface();

        assertThat(shape.isCommand()).isFalse();
        assertThat(shape.hasInitialize()).isTrue();
        assertThat(shape.exportedFunctions()).startsWith("_initialize", "add", "count");
        assertThat(shape.nonWasiImports()).containsExactly(new ModuleInterface.FunctionImport("host", "scale"));
        assertThat(shape.importedFunctions()).hasSizeGreaterThan(1);
    }

    @Test
    void aComponentIsLoadedWithItsWorld() throws IOException {
        byte[] component = resource("seed.component.wasm");

        LoadedGuest loaded =
                ModuleLoader.prepare(new BytesSource(component), new ResolvedModule(component, Sha256.hex(component)));

        assertThat(loaded).isInstanceOf(LoadedComponent.class);
        ComponentWorld world = ((LoadedComponent) loaded).world();
        assertThat(world.run()).contains("wasi:cli/run@0.2.12");
        assertThat(world.imports()).contains("wasi:cli/environment@0.2.12", "wasi:io/streams@0.2.12");
    }

    @Test
    void componentsLoadTheCoreModulesTheyShareOnce() throws IOException {
        Map<String, LoadedModule> coreModules = new ConcurrentHashMap<>();

        LoadedComponent seed = component("seed.component.wasm", coreModules);
        LoadedComponent sieve = component("sieve.component.wasm", coreModules);

        assertThat(seed.modules()).hasSize(4);
        assertThat(seed.modules())
                .as("the preview 1 adapter (trimmed to the preview 1 calls a program makes, the same ones in both) and"
                        + " its shims")
                .filteredOn(module -> sieve.modules().contains(module))
                .hasSize(3)
                .allSatisfy(module -> assertThat(module.source()).startsWith("core module "));
        assertThat(seed.modules().iterator().next())
                .as("the programs differ")
                .isNotSameAs(sieve.modules().iterator().next());
        assertThat(coreModules.values())
                .hasSameElementsAs(java.util.stream.Stream.concat(seed.modules().stream(), sieve.modules().stream())
                        .distinct()
                        .toList());
    }

    private static LoadedComponent component(String name, Map<String, LoadedModule> coreModules) throws IOException {
        byte[] bytes = resource(name);
        return (LoadedComponent) ModuleLoader.prepare(
                new BytesSource(bytes),
                new ResolvedModule(bytes, Sha256.hex(bytes)),
                EngineCaches.none(),
                coreModules,
                shape -> {},
                Optional.empty());
    }

    @Test
    void aDamagedComponentIsMalformed() throws IOException {
        byte[] cut = Arrays.copyOf(resource("seed.component.wasm"), 3000);
        BytesSource source = new BytesSource(cut);

        assertThatThrownBy(() -> ModuleLoader.prepare(source, new ResolvedModule(cut, Sha256.hex(cut))))
                .isInstanceOf(GuestResolutionException.class)
                .hasMessageStartingWith("Cannot load guest module " + source.describe() + ": malformed component: ")
                .hasMessageContaining("rebuild it");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ModuleLoaderTest.class.getResourceAsStream("/guests/" + name)) {
            return in.readAllBytes();
        }
    }
}
