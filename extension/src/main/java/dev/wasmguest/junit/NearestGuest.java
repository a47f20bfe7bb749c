package dev.wasmguest.junit;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@link WasmGuest} declaration that covers a parameter, and where it was found: the parameter's own, then
 * the method's or constructor's, then the test class's, then its enclosing classes' (for {@code @Nested}).
 * Meta-annotations count. Found once per parameter and test for parameter resolution, which asks in several
 * callbacks (and once per form of the extension).
 */
record NearestGuest(WasmGuest annotation, String location) {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NearestGuest.class);

    static Optional<NearestGuest> find(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        // The callbacks of one test run one after another on its thread: no two look up the same parameter at once.
        @SuppressWarnings("unchecked")
        Optional<NearestGuest> known = store.get(parameter.getParameter(), Optional.class);
        if (known == null) {
            known = around(parameter.getParameter(), parameter.findAnnotation(WasmGuest.class), context);
            store.put(parameter.getParameter(), known);
        }
        return known;
    }

    /**
     * Like {@link #find(ParameterContext, ExtensionContext)}, for a parameter found by reflection; not remembered,
     * since reflection may see an inner class's constructor parameters shifted where JUnit's view corrects them.
     */
    static Optional<NearestGuest> find(Parameter parameter, ExtensionContext context) {
        return around(parameter, AnnotationSupport.findAnnotation(parameter, WasmGuest.class), context);
    }

    /** The parameter's {@code own} declaration, else the nearest one around it. */
    private static Optional<NearestGuest> around(
            Parameter parameter, Optional<WasmGuest> own, ExtensionContext context) {
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

    /**
     * E.g. {@code parameter 0 'result' (WasiResult) of expectsSuccess}: by its position and type, and by name only
     * when the class was compiled with {@code -parameters}; otherwise the name is the meaningless {@code arg0}.
     */
    static String describe(Parameter parameter) {
        Executable executable = parameter.getDeclaringExecutable();
        int index = Arrays.asList(executable.getParameters()).indexOf(parameter);
        String name = parameter.isNamePresent() ? " '" + parameter.getName() + "'" : "";
        return "parameter " + index + name + " (" + parameter.getType().getSimpleName() + ") of "
                + executable.getName();
    }
}
