package dev.wasmguest.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Names the test that calls an assertion, from the call stack: {@code <TestClass>/<testMethod>}, for snapshots of
 * runs that were not made through an injected runner. Knows no invocation index, so parameterized tests should use
 * injected runners or explicit snapshot names.
 */
@API(status = INTERNAL, since = "0.1")
public final class TestCaller {

    private static final Set<String> TEST_ANNOTATIONS =
            Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestTemplate", "TestFactory");

    private TestCaller() {}

    public static Optional<String> name() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(frame -> isTestMethod(frame.getDeclaringClass(), frame.getMethodName()))
                        .findFirst()
                        .map(frame -> frame.getDeclaringClass().getName() + "/" + frame.getMethodName()));
    }

    private static boolean isTestMethod(Class<?> type, String methodName) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(methodName)) {
                for (Annotation annotation : method.getAnnotations()) {
                    if (TEST_ANNOTATIONS.contains(annotation.annotationType().getSimpleName())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
