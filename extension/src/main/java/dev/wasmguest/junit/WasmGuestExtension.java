package dev.wasmguest.junit;

import static org.apiguardian.api.API.Status.STABLE;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.WasiInstance;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.internal.junit.GuestRegistry;
import dev.wasmguest.internal.junit.JUnitCompatibility;
import dev.wasmguest.internal.junit.OfflineSkip;
import dev.wasmguest.internal.junit.RunReports;
import dev.wasmguest.internal.junit.TestNames;
import dev.wasmguest.internal.run.GuestRunner;
import java.lang.reflect.Parameter;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit Jupiter extension behind {@link WasmGuest}: it resolves parameters of type {@link WasiRunner},
 * {@link WasiResult} and {@link WasiInstance} (closed when the test ends).
 *
 * <p>Registered by {@code @WasmGuest} itself, it serves every parameter that a {@code @WasmGuest} covers; each
 * module is resolved and compiled once per JVM (kept in the JUnit root store) and shared by all tests and
 * threads, and each run gets a fresh instance.
 *
 * <p>Registered programmatically, it serves the parameters that no {@code @WasmGuest} covers with one runner:
 *
 * <pre>{@code
 * @RegisterExtension
 * static WasmGuestExtension seed = WasmGuestExtension.of(WasiRunner.fromResource("guests/seed.wasm"));
 * }</pre>
 *
 * <p>With {@code wasmguest.offline=true} and {@code wasmguest.offline.missing=skip}, a test whose guest is not in
 * the cache is skipped, with the reason, instead of failed.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public class WasmGuestExtension
        implements ParameterResolver, ExecutionCondition, BeforeEachCallback, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace INSTANCES = ExtensionContext.Namespace.create(WasiInstance.class);

    /** The extension as {@code @WasmGuest} registers it: it serves parameters that a {@code @WasmGuest} covers. */
    public WasmGuestExtension() {
        // JUnit creates an extension before any callback: the place to say that its version is too old.
        JUnitCompatibility.requireSupported();
    }

    /**
     * An extension that gives {@code runner} (and results of running it) to the parameters no
     * {@code @WasmGuest} covers.
     *
     * @param runner the runner to give
     * @return an extension to register with {@code @RegisterExtension}; never {@code null}
     */
    public static WasmGuestExtension of(WasiRunner runner) {
        return new Registered(Objects.requireNonNull(runner, "runner"));
    }

    /**
     * The runner this extension gives to parameters, when it was created with {@link #of(WasiRunner)}.
     *
     * @return never {@code null}; empty for the extension {@code @WasmGuest} registers
     */
    public Optional<WasiRunner> runner() {
        return Optional.empty();
    }

    /** Starts recording the test's runs for its report. */
    @Override
    public void beforeEach(ExtensionContext context) {
        RunReports.start(context);
    }

    /**
     * Attaches the test's runs (outcome, stdout, stderr) to the JUnit report when it failed, or always with
     * {@code wasmguest.report=all}.
     */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        RunReports.publish(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return isGuestType(parameter.getParameter())
                && serves(NearestGuest.find(parameter, context).isPresent());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return resolve(parameter, context);
        } catch (ExtensionConfigurationException | GuestResolutionException e) {
            // JUnit passes a ParameterResolutionException on as it is; anything else it wraps in a message of its
            // own that names the parameter arg0 and the whole method signature before ours
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    private Object resolve(ParameterContext parameter, ExtensionContext context) {
        GuestRunner core = coreFor(NearestGuest.find(parameter, context), context);
        WasiRunner resolved = WasiRunner.overCore(core.inTest(RunReports.recorder(context), TestNames.namer(context)));
        // a declared module is loaded now, so that a bad one fails while resolving the parameter, naming the module
        preparedFor(resolved);
        Class<?> type = parameter.getParameter().getType();
        if (type == WasiInstance.class) {
            return instantiated(resolved, context);
        }
        return type == WasiResult.class ? resolved.run() : resolved;
    }

    /** An instance for the test, closed when the test (or, for a constructor's, its class) ends. */
    private static WasiInstance instantiated(WasiRunner runner, ExtensionContext context) {
        WasiInstance instance = runner.instantiate();
        context.getStore(INSTANCES).put(instance, new ClosedWithTheTest(instance));
        return instance;
    }

    /**
     * Closes an injected instance with its test's store. Both kinds of closeable: JUnit closes an {@link
     * AutoCloseable} in its store from 5.13 on, and only a {@code CloseableResource} before (then deprecated, and
     * warned about when it is not both).
     */
    @SuppressWarnings("deprecation")
    private record ClosedWithTheTest(WasiInstance instance)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            instance.close();
        }
    }

    /**
     * Skips a test whose guest is missing from the offline cache, when so configured; enables everything else
     * (other resolution failures fail the test when its parameters are resolved).
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty() || !OfflineSkip.configured(context)) {
            return OfflineSkip.ENABLED;
        }
        for (Parameter parameter : OfflineSkip.guestParameters(context)) {
            Optional<NearestGuest> nearest = NearestGuest.find(parameter, context);
            if (isGuestType(parameter) && serves(nearest.isPresent())) {
                Optional<ConditionEvaluationResult> skip =
                        OfflineSkip.check(() -> coreFor(nearest, context).guest());
                if (skip.isPresent()) {
                    return skip.get();
                }
            }
        }
        return OfflineSkip.ENABLED;
    }

    /** Whether this extension serves a parameter that a {@code @WasmGuest} does, or does not, cover. */
    boolean serves(boolean declared) {
        return declared;
    }

    /** The runner for a parameter this extension serves. */
    GuestRunner coreFor(Optional<NearestGuest> nearest, ExtensionContext context) {
        return declared(nearest, context);
    }

    /** Prepares a runner's module before a test gets the runner: a declared module is loaded now. */
    void preparedFor(WasiRunner runner) {
        runner.prepare();
    }

    private static boolean isGuestType(Parameter parameter) {
        return parameter.getType() == WasiRunner.class
                || parameter.getType() == WasiResult.class
                || parameter.getType() == WasiInstance.class;
    }

    /** The runner a {@code @WasmGuest} declares, over the one module of this JUnit run that it names. */
    private static GuestRunner declared(Optional<NearestGuest> nearest, ExtensionContext context) {
        GuestDeclaration declaration = GuestDeclaration.of(nearest.orElseThrow(), context);
        return GuestRegistry.of(context.getRoot(), declaration.settings())
                .runner(declaration.source(), declaration.sha256(), declaration.spec());
    }

    /**
     * The programmatically registered form: it serves the parameters no {@code @WasmGuest} covers, with its runner,
     * whose module is loaded when first run. A class of its own also because JUnit registers an extension class
     * declared with {@code @ExtendWith} only once: were this a plain {@code WasmGuestExtension}, the
     * {@code @WasmGuest} annotations in its scope would find their extension already registered.
     */
    private static final class Registered extends WasmGuestExtension {

        private final WasiRunner runner;

        Registered(WasiRunner runner) {
            this.runner = runner;
        }

        @Override
        public Optional<WasiRunner> runner() {
            return Optional.of(runner);
        }

        @Override
        boolean serves(boolean declared) {
            return !declared;
        }

        @Override
        GuestRunner coreFor(Optional<NearestGuest> nearest, ExtensionContext context) {
            return runner.core();
        }

        @Override
        void preparedFor(WasiRunner resolved) {
            // loaded when first run, as a runner made in the test class is
        }
    }
}
