package dev.wasmguest.internal.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * One frame of a trapped guest's call stack, with what the module says of it.
 *
 * @param functionIndex the function's index in the module, imported functions counted
 * @param functionName its name from the name section, demangled where cheap; null when the module has none
 * @param moduleOffset the offset in the module's bytes of the instruction the frame was at; -1 when unknown
 * @param sourceFile the source file from DWARF; null when the module carries no line table for it
 * @param sourceLine the line in {@code sourceFile}; 0 when unknown
 * @param sourceColumn the column in that line; 0 when the line table gives none
 * @param lineOfFunction whether {@code sourceLine} is where the function begins, not the instruction's own line
 *        (compiled code whose instruction could not be told)
 */
@API(status = INTERNAL, since = "0.2")
public record TrapFrame(
        int functionIndex,
        String functionName,
        long moduleOffset,
        String sourceFile,
        int sourceLine,
        int sourceColumn,
        boolean lineOfFunction) {

    /**
     * One line, e.g. {@code crash (function 9) at trap.c:4:5, module offset 0x1d9} (file, line and column as wasmtime
     * prints them), or, where the instruction is not known, {@code crash (function 9) in trap.c (the function begins
     * at line 2)}.
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(
                functionName != null
                        ? functionName + " (function " + functionIndex + ")"
                        : "function " + functionIndex);
        if (sourceFile != null) {
            text.append(
                    lineOfFunction
                            ? " in " + sourceFile + " (the function begins at line " + sourceLine + ")"
                            : " at " + sourceFile + ":" + sourceLine + (sourceColumn > 0 ? ":" + sourceColumn : ""));
        }
        if (moduleOffset >= 0) {
            text.append(", module offset 0x")
                    .append(Long.toHexString(moduleOffset).toLowerCase(Locale.ROOT));
        }
        return text.toString();
    }
}
