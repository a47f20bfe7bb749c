package dev.wasmguest;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@link WasmGuest} declaration that covers a parameter, and where it was found: the parameter's own, then
 * the method's or constructor's, then the test class's, then its enclosing classes' (for {@code @Nested}).
 * Meta-annotations count. Found once per parameter and test: the extension's callbacks ask again and again.
 */
record NearestGuest(WasmGuest annotation, String location) {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NearestGuest.class);

    static Optional<NearestGuest> find(ParameterContext parameter, ExtensionContext context) {
        return remembered(parameter.getParameter(), context, () -> lookUp(parameter, context));
    }

    /** Like {@link #find(ParameterContext, ExtensionContext)}, for a parameter found by reflection. */
    static Optional<NearestGuest> find(Parameter parameter, ExtensionContext context) {
        return remembered(parameter, context, () -> lookUp(parameter, context));
    }

    /**
     * The declaration found for {@code parameter} in {@code context} before, else {@code lookUp}'s, remembered. The
     * callbacks of one test run one after another on its thread, so no two look up the same parameter at once.
     */
    @SuppressWarnings("unchecked")
    private static Optional<NearestGuest> remembered(
            Parameter parameter, ExtensionContext context, Supplier<Optional<NearestGuest>> lookUp) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Optional<NearestGuest> known = store.get(parameter, Optional.class);
        if (known == null) {
            known = lookUp.get();
            store.put(parameter, known);
        }
        return known;
    }

    private static Optional<NearestGuest> lookUp(ParameterContext parameter, ExtensionContext context) {
        Optional<WasmGuest> own = parameter.findAnnotation(WasmGuest.class);
        if (own.isPresent()) {
            return Optional.of(new NearestGuest(own.get(), describe(parameter.getParameter())));
        }
        return findAround(parameter.getDeclaringExecutable(), context);
    }

    private static Optional<NearestGuest> lookUp(Parameter parameter, ExtensionContext context) {
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
