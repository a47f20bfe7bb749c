package dev.wasmguest.internal.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.internal.load.TestGuests;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A command component as jco's preview 1 adapter makes it, read into its index spaces and world. */
class ComponentParserTest {

    private static final byte[] SEED = TestGuests.resource("seed.component.wasm");

    @Test
    void readsTheWorldOfAnAdaptedCommand() {
        Component component = ComponentParser.parse(SEED);

        assertThat(component.exports()).extracting(Definition.Export::name).containsExactly("wasi:cli/run@0.2.12");
        assertThat(component.imports())
                .extracting(Definition.Import::name)
                .contains("wasi:cli/environment@0.2.12", "wasi:cli/exit@0.2.12", "wasi:io/streams@0.2.12")
                .allSatisfy(name -> assertThat(name).startsWith("wasi:").endsWith("@0.2.12"));
        assertThat(component.imports())
                .extracting(definition -> definition.type().sort())
                .containsOnly(Sort.INSTANCE);
        assertThat(component.describeWorld())
                .startsWith("exports wasi:cli/run@0.2.12; imports wasi:cli/environment@0.2.12, wasi:cli/exit@0.2.12, ");
    }

    @Test
    void keepsTheCoreModulesAndTheDefinitionsThatLinkThem() {
        Component component = ComponentParser.parse(SEED);

        // the guest, the adapter, and the shim and fixup modules that tie the adapter's imports to its table
        assertThat(component.space(Sort.CORE_MODULE))
                .hasSize(4)
                .allSatisfy(module ->
                        assertThat(((Definition.CoreModule) module).bytes()).startsWith(0, 'a', 's', 'm', 1, 0, 0, 0));
        assertThat(component.space(Sort.CORE_INSTANCE))
                .hasAtLeastOneElementOfType(Definition.Instantiation.class)
                .hasAtLeastOneElementOfType(Definition.InlineExports.class);
        assertThat(component.space(Sort.CORE_FUNC))
                .hasAtLeastOneElementOfType(Definition.Lower.class)
                .hasAtLeastOneElementOfType(Definition.ResourceBuiltin.class)
                .hasAtLeastOneElementOfType(Definition.CoreExportOf.class);
        assertThat(component.space(Sort.FUNC)).hasAtLeastOneElementOfType(Definition.Lift.class);
        assertThat(component.types())
                .hasAtLeastOneElementOfType(TypeDef.Instance.class)
                .hasAtLeastOneElementOfType(TypeDef.InstanceExport.class);
    }

    @Test
    void lowersWithTheGuestsMemoryAndReallocWhereStringsAndListsCross() {
        Component component = ComponentParser.parse(SEED);

        assertThat(component.space(Sort.CORE_FUNC).stream()
                        .filter(Definition.Lower.class::isInstance)
                        .map(lower -> ((Definition.Lower) lower).options()))
                .anySatisfy(options -> {
                    assertThat(options.memory()).isPresent();
                    assertThat(options.realloc()).isPresent();
                    assertThat(options.encoding()).isEqualTo(Definition.StringEncoding.UTF8);
                });
    }

    @Test
    void aCutComponentSaysWhereItEnds() {
        byte[] cut = Arrays.copyOf(SEED, SEED.length / 2);

        assertThatThrownBy(() -> ComponentParser.parse(cut))
                .isInstanceOf(MalformedComponentException.class)
                .hasMessageContaining("runs past the end");
    }

    @Test
    void anotherVersionOfTheBinaryFormatIsNamed() {
        byte[] older = SEED.clone();
        older[4] = 0x0a;

        assertThatThrownBy(() -> ComponentParser.parse(older))
                .isInstanceOf(MalformedComponentException.class)
                .hasMessage("component binary version 0x0a is not the one wasmguest reads (0x0d, WASI 0.2's);"
                        + " rebuild it with a current toolchain");
    }

    @Test
    void wasi03ConstructsAreRefusedByName() {
        // (component (type (func async))): the type section with one async function type
        byte[] async = {0, 'a', 's', 'm', 0x0d, 0, 1, 0, 7, 5, 1, 0x43, 0, 1, 0};

        assertThatThrownBy(() -> ComponentParser.parse(async))
                .hasMessage("unsupported: async function types (WASI 0.3)");
    }
}
