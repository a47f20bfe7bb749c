package dev.wasmguest.internal.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The WebAssembly call stack in a failure thrown from Chicory's compiled code: each WebAssembly function is a JVM
 * method {@code func_<index>} of a generated class, so the JVM's own stack trace names the functions. It does not
 * name the instruction.
 */
@API(status = INTERNAL, since = "0.2")
public final class CompiledStack {

    private static final String GENERATED_PACKAGE = "com.dylibso.chicory.$gen.";
    private static final Pattern FUNCTION_METHOD = Pattern.compile("func_(\\d+)");

    private CompiledStack() {}

    /**
     * The functions on {@code failure}'s stack, innermost first: of the failure or of the cause thrown deepest (a
     * stack overflow is rethrown higher up, as Chicory's "call stack exhausted").
     */
    public static List<CallSite> of(Throwable failure) {
        List<CallSite> deepest = List.of();
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            List<CallSite> sites = sites(cause.getStackTrace());
            if (sites.size() > deepest.size()) {
                deepest = sites;
            }
        }
        return deepest;
    }

    private static List<CallSite> sites(StackTraceElement[] trace) {
        List<CallSite> sites = new ArrayList<>();
        for (StackTraceElement element : trace) {
            if (element.getClassName().startsWith(GENERATED_PACKAGE)) {
                Matcher method = FUNCTION_METHOD.matcher(element.getMethodName());
                if (method.matches()) {
                    sites.add(new CallSite(Integer.parseInt(method.group(1)), CallSite.UNKNOWN_OFFSET));
                }
            }
        }
        return sites;
    }
}
