package dev.wasmguest.internal.junit;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Names the runs of a test, for snapshot files: {@code <fully.qualified.TestClass>/<testMethod>}, then {@code .<n>} for the n-th
 * invocation of a parameterized or repeated test, then {@code -<k>} for the k-th run within the test (from the
 * second). Distinct invocations get distinct names, so parallel tests never share a snapshot file.
 */
@API(status = INTERNAL, since = "0.1")
public final class TestNames {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestNames.class);
    private static final Pattern INVOCATION = Pattern.compile("\\[test-template-invocation:#(\\d+)]$");

    private TestNames() {}

    /** Names runs made through runners resolved in {@code context}; empty outside a test method. */
    public static Optional<Supplier<String>> namer(ExtensionContext context) {
        if (context.getTestMethod().isEmpty() || context.getTestClass().isEmpty()) {
            return Optional.empty();
        }
        // the class's full name: two test classes of one simple name in different packages keep their snapshots apart
        String base = context.getRequiredTestClass().getName() + "/"
                + context.getRequiredTestMethod().getName() + invocation(context.getUniqueId());
        AtomicInteger runs = counter(context);
        return Optional.of(() -> {
            int run = runs.incrementAndGet();
            return run == 1 ? base : base + "-" + run;
        });
    }

    private static String invocation(String uniqueId) {
        Matcher matcher = INVOCATION.matcher(uniqueId);
        return matcher.find() ? "." + matcher.group(1) : "";
    }

    /** One counter per test, shared by all its runners; callbacks and resolution of a test run on its thread. */
    private static AtomicInteger counter(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        AtomicInteger counter = store.get(AtomicInteger.class, AtomicInteger.class);
        if (counter == null) {
            counter = new AtomicInteger();
            store.put(AtomicInteger.class, counter);
        }
        return counter;
    }
}
