package dev.wasmguest.internal.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The WebAssembly call stack in a failure thrown from Endive's compiled code: each WebAssembly function is a JVM
 * method {@code func_<index>} of a generated class, so the JVM's own stack trace names the functions, and the line
 * numbers wasmguest gives those methods tell, through an {@link InstructionLocator}, the instructions.
 */
@API(status = INTERNAL, since = "0.1")
public final class CompiledStack {

    private static final String GENERATED_PACKAGE = "run.endive.$gen.";
    private static final Pattern FUNCTION_METHOD = Pattern.compile("func_(\\d+)");

    private CompiledStack() {}

    /**
     * The functions of one module on {@code failure}'s stack, innermost first, each at its instruction where
     * {@code locator} can tell it: of the failure or of the cause thrown deepest (a stack overflow is rethrown higher
     * up, as Endive's "call stack exhausted").
     *
     * @param module the name of the module's compiled code's class loader: other modules' frames are left out
     */
    public static List<CallSite> of(Throwable failure, String module, InstructionLocator locator) {
        List<StackTraceElement> deepest = deepest(failure, module);
        int[] functions = new int[deepest.size()];
        int[] lines = new int[deepest.size()];
        for (int i = 0; i < functions.length; i++) {
            Matcher method = FUNCTION_METHOD.matcher(deepest.get(i).getMethodName());
            functions[i] = method.matches() ? Integer.parseInt(method.group(1)) : -1;
            lines[i] = deepest.get(i).getLineNumber();
        }
        long[] offsets = functions.length == 0 ? new long[0] : locator.offsets(functions, lines);
        List<CallSite> sites = new ArrayList<>(functions.length);
        for (int i = 0; i < functions.length; i++) {
            sites.add(new CallSite(functions[i], offsets[i]));
        }
        return sites;
    }

    /** Whether {@code failure} went through compiled code of {@code module}, as {@link #of} reads its stack. */
    public static boolean wentThrough(Throwable failure, String module) {
        return !deepest(failure, module).isEmpty();
    }

    private static List<StackTraceElement> deepest(Throwable failure, String module) {
        List<StackTraceElement> deepest = List.of();
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            List<StackTraceElement> frames = new ArrayList<>();
            for (StackTraceElement element : cause.getStackTrace()) {
                if (isFunctionOf(element, module)) {
                    frames.add(element);
                }
            }
            if (frames.size() > deepest.size()) {
                deepest = frames;
            }
        }
        return deepest;
    }

    private static boolean isFunctionOf(StackTraceElement element, String module) {
        return module.equals(element.getClassLoaderName())
                && element.getClassName().startsWith(GENERATED_PACKAGE)
                && FUNCTION_METHOD.matcher(element.getMethodName()).matches();
    }
}
