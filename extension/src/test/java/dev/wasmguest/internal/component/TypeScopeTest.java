package dev.wasmguest.internal.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.internal.component.TypeDef.Primitive;
import dev.wasmguest.internal.component.ValueType.HandleType;
import dev.wasmguest.internal.component.ValueType.VariantType;
import dev.wasmguest.internal.load.TestGuests;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The types of an adapted command's WASI imports, resolved through instance types, outer aliases and resources. */
class TypeScopeTest {

    private final Component component = ComponentParser.parse(TestGuests.resource("seed.component.wasm"));
    private final Map<String, ValueType.ResourceType> resources = new HashMap<>();
    private final Map<Integer, TypeScope.InstanceScope> instances = new HashMap<>();
    private final TypeScope scope =
            TypeScope.ofComponent(component.types(), Optional.empty(), resources, this::instance);

    private Optional<TypeScope.InstanceScope> instance(int index) {
        if (!(component.space(Sort.INSTANCE).get(index) instanceof Definition.Import imported)) {
            return Optional.empty();
        }
        return Optional.of(instances.computeIfAbsent(
                index, i -> scope.instanceType(imported.type().typeIndex(), imported.name())));
    }

    private TypeScope.InstanceScope imported(String name) {
        for (int i = 0; i < component.space(Sort.INSTANCE).size(); i++) {
            if (component.space(Sort.INSTANCE).get(i) instanceof Definition.Import imported
                    && imported.name().equals(name)) {
                return instance(i).orElseThrow();
            }
        }
        throw new AssertionError("no import " + name);
    }

    @Test
    void aStreamsMethodTakesABorrowedStreamAndBytesAndMayFailWithAnOwnedError() {
        FunctionType write = imported("wasi:io/streams@0.2.12")
                .function("[method]output-stream.write")
                .orElseThrow();

        assertThat(write.params()).extracting(ValueType.Named::name).containsExactly("self", "contents");
        HandleType self = (HandleType) write.paramTypes().get(0);
        assertThat(self.owned()).isFalse();
        assertThat(self.resource().name()).isEqualTo("wasi:io/streams@0.2.12#output-stream");
        assertThat(write.paramTypes().get(1)).isEqualTo(new ValueType.ListType(Primitive.U8));

        VariantType result = (VariantType) write.result().orElseThrow();
        VariantType streamError = (VariantType) result.cases().get(1).type().orElseThrow();
        HandleType error = (HandleType) streamError.cases().get(0).type().orElseThrow();
        assertThat(error.owned()).isTrue();
        assertThat(error.resource().name()).isEqualTo("wasi:io/error@0.2.12#error");
    }

    @Test
    void aResourceIsOneTypeHoweverManyAliasesNameIt() {
        HandleType fromStdout = (HandleType) imported("wasi:cli/stdout@0.2.12")
                .function("get-stdout")
                .orElseThrow()
                .result()
                .orElseThrow();
        HandleType fromStreams = (HandleType) imported("wasi:io/streams@0.2.12")
                .function("[method]output-stream.blocking-flush")
                .orElseThrow()
                .paramTypes()
                .get(0);

        assertThat(fromStdout.owned()).isTrue();
        assertThat(fromStdout.resource()).isSameAs(fromStreams.resource());
    }

    @Test
    void argumentsAreAListOfStrings() {
        FunctionType arguments = imported("wasi:cli/environment@0.2.12")
                .function("get-arguments")
                .orElseThrow();

        assertThat(arguments.params()).isEmpty();
        assertThat(arguments.result()).contains(new ValueType.ListType(Primitive.STRING));
    }
}
