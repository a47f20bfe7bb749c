package dev.wasmguest.internal.junit;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.util.Excerpts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The runs of one test, attached to the JUnit report when the test fails (or always, with
 * {@code wasmguest.report=all}): a report entry per run with its outcome and output excerpts, which Surefire's XML,
 * IDEs and CI pages show, and each stream as a published file (from JUnit 5.14 on, see {@link ReportFiles}).
 */
@API(status = INTERNAL, since = "0.1")
public final class RunReports {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunReports.class);
    private static final int EXCERPT = 2048;
    private static final String EMPTY = "(empty)";
    private static final System.Logger LOG = System.getLogger(RunReports.class.getName());

    private final List<WasiResult> runs = new ArrayList<>();

    private RunReports() {}

    /**
     * Starts recording the runs of the test of {@code context}; once, however many forms of the extension are
     * registered.
     */
    public static void start(ExtensionContext context) {
        // Callbacks of one test run one after another on its thread: no race between the two forms.
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(RunReports.class, RunReports.class) == null) {
            store.put(RunReports.class, new RunReports());
        }
    }

    /** Where runs made through runners resolved in {@code context} are recorded; a no-op outside a test. */
    public static Consumer<WasiResult> recorder(ExtensionContext context) {
        RunReports reports = context.getStore(NAMESPACE).get(RunReports.class, RunReports.class);
        return reports == null ? result -> {} : reports::record;
    }

    /** Attaches the recorded runs to the report if the test failed or reporting of all runs is configured. */
    public static void publish(ExtensionContext context) {
        RunReports reports = context.getStore(NAMESPACE).remove(RunReports.class, RunReports.class);
        if (reports == null) {
            return;
        }
        boolean all = JUnitSettings.of(context)
                .choice(WasmGuestSetting.REPORT)
                .filter("all"::equals)
                .isPresent();
        if (all || context.getExecutionException().isPresent()) {
            reports.publishTo(context);
        }
    }

    private synchronized void record(WasiResult result) {
        runs.add(result);
    }

    private synchronized void publishTo(ExtensionContext context) {
        for (int i = 0; i < runs.size(); i++) {
            WasiResult run = runs.get(i);
            String prefix = "wasmguest.run." + (i + 1);
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put(
                    prefix,
                    run.source() + " " + run.argv() + ": " + run.describeOutcome() + " in "
                            + run.duration().toMillis() + " ms");
            entry.put(prefix + ".stdout", excerpt(run.stdoutBytes(), run.stdoutDroppedBytes()));
            entry.put(prefix + ".stderr", excerpt(run.stderrBytes(), run.stderrDroppedBytes()));
            publishEntry(context, entry);
            if (ReportFiles.AVAILABLE) {
                ReportFiles.publish(context, prefix + ".stdout.txt", run.stdoutBytes());
                ReportFiles.publish(context, prefix + ".stderr.txt", run.stderrBytes());
            }
        }
    }

    /**
     * Reporting is a courtesy to the reader of a failure: a launcher that refuses an entry must not add an exception
     * to the test's own, so the refusal is only logged.
     */
    private static void publishEntry(ExtensionContext context, Map<String, String> entry) {
        try {
            context.publishReportEntry(entry);
        } catch (RuntimeException refused) {
            LOG.log(System.Logger.Level.WARNING, "could not attach the guest's runs to the report: " + refused);
            LOG.log(System.Logger.Level.DEBUG, "the refusal", refused);
        }
    }

    /**
     * An excerpt of a stream. JUnit refuses blank values in report entries, and a reader could not see them anyway:
     * {@code (empty)} stands for none, and white space alone is shown escaped.
     */
    static String excerpt(byte[] bytes, long dropped) {
        if (bytes.length == 0 && dropped == 0) {
            return EMPTY;
        }
        String suffix = dropped > 0 ? "\n… truncated at the capture limit: " + dropped + " bytes dropped …" : "";
        String text = Excerpts.headAndTail(bytes, EXCERPT, "\n");
        return (text.isBlank() ? "(only white space: \"" + escapeWhiteSpace(text) + "\")" : text) + suffix;
    }

    private static String escapeWhiteSpace(String blank) {
        StringBuilder escaped = new StringBuilder();
        blank.codePoints()
                .forEach(c -> escaped.append(
                        switch (c) {
                            case ' ' -> " ";
                            case '\n' -> "\\n";
                            case '\r' -> "\\r";
                            case '\t' -> "\\t";
                            default -> String.format("\\u%04x", c);
                        }));
        return escaped.toString();
    }
}
