package dev.wasmguest.internal.junit;

import dev.wasmguest.WasmGuest;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@link WasmGuest} declaration that covers a parameter, and where it was found: the parameter's own, then
 * the method's or constructor's, then the test class's, then its enclosing classes' (for {@code @Nested}).
 * Meta-annotations count.
 */
public record NearestGuest(WasmGuest annotation, String location) {

    public static Optional<NearestGuest> find(ParameterContext parameter, ExtensionContext context) {
        Optional<WasmGuest> own = parameter.findAnnotation(WasmGuest.class);
        if (own.isPresent()) {
            return Optional.of(new NearestGuest(own.get(), "parameter '" + parameter.getParameter().getName()
                    + "' of " + parameter.getDeclaringExecutable().getName()));
        }
        Optional<WasmGuest> onExecutable = AnnotationSupport.findAnnotation(parameter.getDeclaringExecutable(),
                WasmGuest.class);
        if (onExecutable.isPresent()) {
            return Optional.of(new NearestGuest(onExecutable.get(), parameter.getDeclaringExecutable().getName()));
        }
        Class<?> type = context.getTestClass().orElse(parameter.getDeclaringExecutable().getDeclaringClass());
        for (Class<?> current = type; current != null; current = current.getEnclosingClass()) {
            Optional<WasmGuest> onClass = AnnotationSupport.findAnnotation(current, WasmGuest.class);
            if (onClass.isPresent()) {
                return Optional.of(new NearestGuest(onClass.get(), current.getSimpleName()));
            }
        }
        return Optional.empty();
    }
}
