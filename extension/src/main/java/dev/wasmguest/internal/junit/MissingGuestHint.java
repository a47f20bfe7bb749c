package dev.wasmguest.internal.junit;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.System.Logger.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Explains JUnit's bare {@code No ParameterResolver registered for parameter [dev.wasmguest.WasiResult arg0]}: a
 * test asked for a wasmguest type where no {@code @WasmGuest} is in scope, so JUnit never asked wasmguest. The
 * launcher finds this listener on the class path by itself, and calls it before the listeners that report the failure
 * (Surefire's, the console's), so the hint travels with the failure, as a suppressed exception, and is logged.
 */
@API(status = INTERNAL, since = "0.1")
public final class MissingGuestHint implements TestExecutionListener {

    private static final System.Logger LOG = System.getLogger(MissingGuestHint.class.getName());
    private static final Pattern UNRESOLVED = Pattern.compile(
            "^No ParameterResolver registered for parameter \\[dev\\.wasmguest\\.(WasiResult|WasiRunner|WasiInstance)"
                    + " [^]]*] in (\\w+) \\[([^]]*)]");

    /** The hint, as the failure carries it. */
    static final class Hint extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Hint(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        result.getThrowable().ifPresent(failure -> {
            Matcher unresolved = UNRESOLVED.matcher(String.valueOf(failure.getMessage()));
            if (unresolved.find()) {
                String hint = hint(unresolved.group(1), unresolved.group(2) + " " + unresolved.group(3));
                failure.addSuppressed(new Hint(hint));
                LOG.log(Level.WARNING, test.getDisplayName() + ": " + hint);
            }
        });
    }

    static String hint(String type, String where) {
        return "a parameter of type " + type + " (in " + where + ") needs a @WasmGuest that names the module: put"
                + " @WasmGuest(url = ...), (resource = ...) or (file = ...) on the parameter, its method or its class,"
                + " or register one for the class with @RegisterExtension static WasmGuestExtension guest ="
                + " WasmGuestExtension.of(WasiRunner.fromResource(...)). Without either, JUnit never asks wasmguest"
                + " for the parameter";
    }
}
