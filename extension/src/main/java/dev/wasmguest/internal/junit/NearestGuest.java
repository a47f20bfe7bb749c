package dev.wasmguest.internal.junit;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasmGuest;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@link WasmGuest} declaration that covers a parameter, and where it was found: the parameter's own, then
 * the method's or constructor's, then the test class's, then its enclosing classes' (for {@code @Nested}).
 * Meta-annotations count.
 */
@API(status = INTERNAL, since = "0.1")
public record NearestGuest(WasmGuest annotation, String location) {

    public static Optional<NearestGuest> find(ParameterContext parameter, ExtensionContext context) {
        Optional<WasmGuest> own = parameter.findAnnotation(WasmGuest.class);
        if (own.isPresent()) {
            return Optional.of(new NearestGuest(own.get(), describe(parameter.getParameter())));
        }
        return findAround(parameter.getDeclaringExecutable(), context);
    }

    /** Like {@link #find(ParameterContext, ExtensionContext)}, for a parameter found by reflection. */
    public static Optional<NearestGuest> find(Parameter parameter, ExtensionContext context) {
        Optional<WasmGuest> own = AnnotationSupport.findAnnotation(parameter, WasmGuest.class);
        if (own.isPresent()) {
            return Optional.of(new NearestGuest(own.get(), describe(parameter)));
        }
        return findAround(parameter.getDeclaringExecutable(), context);
    }

    private static Optional<NearestGuest> findAround(Executable executable, ExtensionContext context) {
        Optional<WasmGuest> onExecutable = AnnotationSupport.findAnnotation(executable, WasmGuest.class);
        if (onExecutable.isPresent()) {
            return Optional.of(new NearestGuest(onExecutable.get(), executable.getName()));
        }
        Class<?> type = context.getTestClass().orElse(executable.getDeclaringClass());
        for (Class<?> current = type; current != null; current = current.getEnclosingClass()) {
            Optional<WasmGuest> onClass = AnnotationSupport.findAnnotation(current, WasmGuest.class);
            if (onClass.isPresent()) {
                return Optional.of(new NearestGuest(onClass.get(), current.getSimpleName()));
            }
        }
        return Optional.empty();
    }

    private static String describe(Parameter parameter) {
        return "parameter '" + parameter.getName() + "' of "
                + parameter.getDeclaringExecutable().getName();
    }
}
