package dev.wasmguest.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;
import static org.assertj.core.description.EmptyTextDescription.emptyDescription;

import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.assertions.Navigation;
import dev.wasmguest.internal.assertions.Redactions;
import dev.wasmguest.internal.assertions.RunContext;
import dev.wasmguest.internal.assertions.RunErrorMessage;
import dev.wasmguest.internal.assertions.SnapshotMatcher;
import dev.wasmguest.internal.assertions.Snapshots;
import dev.wasmguest.internal.assertions.TestCaller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractByteArrayAssert;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.AbstractPathAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Assertions on a {@link WasiResult}. Every failure message ends with the whole run: module, argv, environment
 * variable names, how it ended, its duration, and stdout and stderr (long output cut around a visible
 * "… N bytes omitted …" marker), so a failing test explains itself without a rerun.
 *
 * <p>Obtain instances from {@link WasiAssertions#assertThat(WasiResult)}. Not thread-safe, like every AssertJ
 * assertion object; the result it checks is.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1")
public class WasiResultAssert extends AbstractAssert<WasiResultAssert, WasiResult> {

    private Navigation navigation = Navigation.HARD;
    private final Redactions redactions = new Redactions();

    /**
     * Prefer {@link WasiAssertions#assertThat(WasiResult)}; public because AssertJ's soft assertions instantiate
     * assertion classes through their public constructor.
     *
     * @param actual the run to check
     */
    public WasiResultAssert(WasiResult actual) {
        super(actual, WasiResultAssert.class);
    }

    /** Soft assertions make navigated assertions collect their failures too. */
    void navigateWith(Navigation value) {
        this.navigation = value;
    }

    /**
     * Verifies that the guest exited with {@code expected}; a trapped run fails this whatever the code.
     *
     * <pre>{@code
     * assertThat(guest.run("exit1")).hasExitCode(1); // succeeds: the seed guest exits 1
     * assertThat(guest.run("hello")).hasExitCode(1); // fails: it exited with code 0
     * }</pre>
     *
     * @param expected the exit code the guest must have exited with
     * @return {@code this}
     */
    public WasiResultAssert hasExitCode(int expected) {
        isNotNull();
        if (!actual.exited() || actual.exitCode() != expected) {
            fail("%nExpecting the guest to exit with code:%n  %s%nbut it " + ending(), expected);
        }
        return myself;
    }

    /**
     * Verifies that the guest exited with code 0 (and so neither trapped nor timed out).
     *
     * <pre>{@code
     * assertThat(guest.run("hello")).succeeded(); // succeeds
     * assertThat(guest.run("exit1")).succeeded(); // fails: exited with code 1
     * }</pre>
     *
     * @return {@code this}
     */
    public WasiResultAssert succeeded() {
        isNotNull();
        if (!actual.succeeded()) {
            fail("%nExpecting the guest to succeed (exit with code 0)%nbut it " + ending());
        }
        return myself;
    }

    /**
     * Verifies that the run did not succeed: the guest exited with a non-zero code, trapped or timed out.
     *
     * <pre>{@code
     * assertThat(guest.run("exit1")).failed(); // succeeds: exited with code 1
     * assertThat(guest.run("hello")).failed(); // fails: exited with code 0
     * }</pre>
     *
     * @return {@code this}
     */
    public WasiResultAssert failed() {
        isNotNull();
        if (actual.succeeded()) {
            fail("%nExpecting the guest to fail (exit with a non-zero code, trap or time out)%nbut it " + ending());
        }
        return myself;
    }

    /**
     * Verifies that the guest trapped (e.g. executed {@code unreachable}) instead of exiting.
     *
     * <pre>{@code
     * assertThat(trapGuest.run()).trapped(); // succeeds
     * assertThat(guest.run("hello")).trapped(); // fails: exited with code 0
     * }</pre>
     *
     * @return {@code this}
     */
    public WasiResultAssert trapped() {
        isNotNull();
        if (!actual.trapped()) {
            fail("%nExpecting the guest to trap%nbut it " + ending());
        }
        return myself;
    }

    /**
     * Alias of {@link #hasExitCode(int)}, reading as the outcome it checks.
     *
     * <pre>{@code
     * assertThat(exitGuest.run("3")).exitedWith(3); // succeeds
     * assertThat(trapGuest.run()).exitedWith(0); // fails: it trapped
     * }</pre>
     *
     * @param expected the exit code the guest must have exited with
     * @return {@code this}
     */
    public WasiResultAssert exitedWith(int expected) {
        return hasExitCode(expected);
    }

    /**
     * Verifies that the guest trapped with a message containing {@code text}.
     *
     * <pre>{@code
     * assertThat(divzero.run()).hasTrapMessageContaining("divide by zero"); // succeeds
     * assertThat(seed.run()).hasTrapMessageContaining("unreachable"); // fails: it exited with code 0
     * }</pre>
     *
     * @param text what the trap message must contain
     * @return {@code this}
     */
    public WasiResultAssert hasTrapMessageContaining(String text) {
        isNotNull();
        if (!actual.trapped() || !actual.trap().orElse("").contains(text)) {
            fail("%nExpecting the guest to trap with a message containing:%n  %s%nbut it " + ending(), text);
        }
        return myself;
    }

    /**
     * Verifies that the guest ran into its timeout and was stopped.
     *
     * <pre>{@code
     * assertThat(loop.withTimeout(Duration.ofSeconds(1)).run()).timedOut(); // succeeds
     * assertThat(seed.run()).timedOut(); // fails: it exited with code 0
     * }</pre>
     *
     * @return {@code this}
     */
    public WasiResultAssert timedOut() {
        isNotNull();
        if (!actual.timedOut()) {
            fail("%nExpecting the guest to time out%nbut it " + ending());
        }
        return myself;
    }

    /**
     * Navigates to AssertJ's path assertions on a file of the run's directories, by its guest path.
     *
     * <pre>{@code
     * assertThat(writer.withTempDirectory("/out").run()).file("/out/report.txt").hasContent("hello");
     * }</pre>
     *
     * @param guestPath the file's absolute path as the guest saw it
     * @return never {@code null}
     */
    public AbstractPathAssert<?> file(String guestPath) {
        isNotNull();
        return navigation.path(actual.file(guestPath)).as(RunContext.summary("file " + guestPath, actual));
    }

    /**
     * Verifies that stdout is exactly {@code expected}. The failure carries expected and actual values, so IDEs
     * offer a diff.
     *
     * <pre>{@code
     * assertThat(echo.withStdin("hi").run()).hasStdout("hi"); // succeeds
     * assertThat(echo.withStdin("hi").run()).hasStdout("ho"); // fails
     * }</pre>
     *
     * @param expected the whole of stdout
     * @return {@code this}
     */
    public WasiResultAssert hasStdout(String expected) {
        isNotNull();
        String stdout = actual.stdout();
        if (!stdout.equals(expected)) {
            ErrorMessageFactory message = new BasicErrorMessageFactory(
                    "%nExpecting stdout:%n  %s%nto be equal to:%n  %s", stdout, expected);
            throw failureWithRun(message, stdout, expected);
        }
        return myself;
    }

    /**
     * Verifies that stdout contains every one of {@code values}.
     *
     * <pre>{@code
     * assertThat(guest.run("hello")).hasStdoutContaining("Received arguments", "hello"); // succeeds
     * assertThat(guest.run("hello")).hasStdoutContaining("goodbye"); // fails
     * }</pre>
     *
     * @param values what stdout must contain
     * @return {@code this}
     */
    public WasiResultAssert hasStdoutContaining(String... values) {
        return hasStreamContaining("stdout", actual == null ? null : actual.stdout(), values);
    }

    /**
     * Verifies that stderr contains every one of {@code values}.
     *
     * <pre>{@code
     * assertThat(guest.run()).hasStderrContaining("Hello from stderr"); // succeeds
     * assertThat(guest.run()).hasStderrContaining("panic"); // fails
     * }</pre>
     *
     * @param values what stderr must contain
     * @return {@code this}
     */
    public WasiResultAssert hasStderrContaining(String... values) {
        return hasStreamContaining("stderr", actual == null ? null : actual.stderr(), values);
    }

    /**
     * Verifies that the guest wrote nothing to stderr.
     *
     * <pre>{@code
     * assertThat(quietGuest.run()).hasEmptyStderr(); // succeeds
     * assertThat(guest.run()).hasEmptyStderr(); // fails: the seed guest writes to stderr
     * }</pre>
     *
     * @return {@code this}
     */
    public WasiResultAssert hasEmptyStderr() {
        isNotNull();
        if (actual.stderrBytes().length > 0) {
            fail("%nExpecting stderr to be empty%nbut it holds %s bytes", actual.stderrBytes().length);
        }
        return myself;
    }

    /**
     * Navigates to AssertJ's string assertions on stdout (decoded as UTF-8). Their failure messages are
     * described by the run: module, argv, how it ended and the tail of stderr.
     *
     * <pre>{@code
     * assertThat(guest.run("hello")).succeeded().stdout().contains("hello").endsWith("0.\n");
     * }</pre>
     *
     * @return never {@code null}
     */
    public AbstractStringAssert<?> stdout() {
        isNotNull();
        return navigation.string(actual.stdout()).as(RunContext.summary("stdout", actual));
    }

    /**
     * Navigates to AssertJ's string assertions on stderr (decoded as UTF-8), described like {@link #stdout()}.
     *
     * @return never {@code null}
     */
    public AbstractStringAssert<?> stderr() {
        isNotNull();
        return navigation.string(actual.stderr()).as(RunContext.summary("stderr", actual));
    }

    /**
     * Navigates to AssertJ's list assertions on the lines of stdout (split at {@code \n}, a {@code \r} before it
     * dropped, no empty last line for a final newline).
     *
     * <pre>{@code
     * assertThat(guest.run("hello")).stdoutLines().hasSize(3).contains("Wasm Guest: Exiting with code 0.");
     * }</pre>
     *
     * @return never {@code null}
     */
    public AbstractListAssert<?, List<? extends String>, String, ObjectAssert<String>> stdoutLines() {
        isNotNull();
        return navigation.lines(lines(actual.stdout())).as(RunContext.summary("stdout", actual));
    }

    /**
     * Navigates to AssertJ's list assertions on the lines of stderr, split like {@link #stdoutLines()}.
     *
     * <pre>{@code
     * assertThat(guest.run()).stderrLines().containsExactly("Wasm Guest: Hello from stderr!");
     * }</pre>
     *
     * @return never {@code null}
     */
    public AbstractListAssert<?, List<? extends String>, String, ObjectAssert<String>> stderrLines() {
        isNotNull();
        return navigation.lines(lines(actual.stderr())).as(RunContext.summary("stderr", actual));
    }

    /**
     * Navigates to AssertJ's byte array assertions on the exact bytes of stdout.
     *
     * <pre>{@code
     * assertThat(echo.withStdin(new byte[] {0, 1}).run()).stdoutBytes().containsExactly(0, 1);
     * }</pre>
     *
     * @return never {@code null}
     */
    public AbstractByteArrayAssert<?> stdoutBytes() {
        isNotNull();
        return navigation.bytes(actual.stdoutBytes()).as(RunContext.summary("stdout", actual));
    }

    /**
     * Verifies that the whole of stdout matches {@code regex} (use {@code (?s)} to let {@code .} span lines).
     *
     * <pre>{@code
     * assertThat(exitGuest.run("3")).hasStdoutMatching("exiting with \\d+\n"); // succeeds
     * assertThat(exitGuest.run("3")).hasStdoutMatching("exiting"); // fails: not the whole output
     * }</pre>
     *
     * @param regex the regular expression stdout must match as a whole
     * @return {@code this}
     */
    public WasiResultAssert hasStdoutMatching(String regex) {
        return hasStdoutMatching(Pattern.compile(regex));
    }

    /**
     * Verifies that the whole of stdout matches {@code pattern}; see {@link #hasStdoutMatching(String)}.
     *
     * @param pattern the pattern stdout must match as a whole
     * @return {@code this}
     */
    public WasiResultAssert hasStdoutMatching(Pattern pattern) {
        isNotNull();
        if (!pattern.matcher(actual.stdout()).matches()) {
            fail("%nExpecting stdout:%n  %s%nto match pattern:%n  %s", actual.stdout(), pattern.pattern());
        }
        return myself;
    }

    /**
     * Verifies that stdout satisfies the given requirements, expressed as assertions; a failure among them is
     * reported with the run's context.
     *
     * <pre>{@code
     * assertThat(run).hasStdoutSatisfying(out -> assertThat(Integer.parseInt(out.strip())).isBetween(1, 6));
     * }</pre>
     *
     * @param requirements assertions on stdout
     * @return {@code this}
     */
    public WasiResultAssert hasStdoutSatisfying(Consumer<String> requirements) {
        isNotNull();
        try {
            requirements.accept(actual.stdout());
        } catch (AssertionError unmet) {
            fail("%nExpecting stdout to satisfy the given requirements, but:%n%s", verbatim(unmet.getMessage()));
        }
        return myself;
    }

    /**
     * Verifies that the run took at most {@code max} (from start until it exited, trapped or was stopped).
     *
     * <pre>{@code
     * assertThat(guest.run()).finishedWithin(Duration.ofSeconds(1)); // succeeds for a quick guest
     * assertThat(loop.withTimeout(Duration.ofSeconds(2)).run()).finishedWithin(Duration.ofSeconds(1)); // fails
     * }</pre>
     *
     * @param max the longest the run may have taken
     * @return {@code this}
     */
    public WasiResultAssert finishedWithin(Duration max) {
        isNotNull();
        if (actual.duration().compareTo(max) > 0) {
            fail("%nExpecting the run to finish within:%n  %s ms%nbut it took:%n  %s ms", verbatim("" + max.toMillis()),
                    verbatim("" + actual.duration().toMillis()));
        }
        return myself;
    }

    /**
     * Replaces every match of {@code regex} in the output by {@code replacement} (e.g. {@code "[ID]"}) before
     * snapshots are compared or written, for text that changes from run to run. The working, temporary and home
     * directories are redacted already, as {@code [CWD]}, {@code [TMP]} and {@code [HOME]}.
     *
     * @param regex what to replace, a regular expression
     * @param replacement what to put instead; may refer to groups, as in {@link String#replaceAll}
     * @return {@code this}
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public WasiResultAssert withRedaction(String regex, String replacement) {
        redactions.add(regex, replacement);
        return myself;
    }

    /**
     * Verifies that stdout, stderr and the outcome equal the snapshot files of this test:
     * {@code src/test/snapshots/<TestClass>/<testMethod>[.<n>][-<k>].{stdout,stderr,exit}} (see
     * {@link WasiResult#testName()}; the directory is {@code wasmguest.snapshots.dir}). In the snapshots, {@code [..]}
     * matches any text within a line and a line {@code ...} any number of lines; newlines are normalised.
     *
     * <p>With {@code -Dwasmguest.snapshots=update} (or {@code WASMGUEST_SNAPSHOTS=update}) missing and changed
     * snapshots are written instead, and logged; with {@code CI=true} that is refused. A missing snapshot otherwise
     * fails, saying how to create it.
     *
     * <pre>{@code
     * assertThat(guest.run("hello")).matchesSnapshot(); // succeeds once the snapshot files hold this run
     * }</pre>
     *
     * @return {@code this}
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public WasiResultAssert matchesSnapshot() {
        isNotNull();
        Optional<String> name = actual.testName().or(TestCaller::name);
        if (name.isEmpty()) {
            fail("%nCannot name the snapshot of this run: it was not made by a runner injected into a test, nor"
                    + " asserted in a test method; use matchesSnapshot(name)");
        }
        return matchesSnapshot(name.get());
    }

    /**
     * Like {@link #matchesSnapshot()}, with the snapshot files named explicitly:
     * {@code <snapshot dir>/<name>.{stdout,stderr,exit}}.
     *
     * @param name the snapshot's name, unique within the test
     * @return {@code this}
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public WasiResultAssert matchesSnapshot(String name) {
        isNotNull();
        Snapshots snapshots = Snapshots.fromEnvironment();
        refuseUpdateInCi(snapshots);
        SnapshotCheck check = new SnapshotCheck(snapshots.updating());
        check.compare(snapshots.file(name, "stdout"), redactions.apply(actual.stdout()));
        check.compare(snapshots.file(name, "stderr"), redactions.apply(actual.stderr()));
        check.compare(snapshots.file(name, "exit"), actual.describeOutcome() + "\n");
        check.report();
        return myself;
    }

    /**
     * Verifies that stdout matches the expected text in {@code file}, with the snapshot rules of
     * {@link #matchesSnapshot()} (update mode included).
     *
     * <pre>{@code
     * assertThat(run).hasStdoutMatchingFile(Path.of("src/test/resources/expected/hello.txt"));
     * }</pre>
     *
     * @param file the file holding the expected stdout
     * @return {@code this}
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public WasiResultAssert hasStdoutMatchingFile(Path file) {
        isNotNull();
        Snapshots snapshots = Snapshots.fromEnvironment();
        refuseUpdateInCi(snapshots);
        SnapshotCheck check = new SnapshotCheck(snapshots.updating());
        check.compare(file, redactions.apply(actual.stdout()));
        check.report();
        return myself;
    }

    private void refuseUpdateInCi(Snapshots snapshots) {
        if (snapshots.updateRefused()) {
            fail("%nRefusing to update snapshots because CI=true: updating them in CI would accept any change;"
                    + " run the update locally and commit the files");
        }
    }

    /** Compares one run with its snapshot files, collecting every problem before failing once. */
    private final class SnapshotCheck {

        private final boolean updating;
        private final List<String> problems = new java.util.ArrayList<>();
        private String firstExpected;
        private String firstActual;

        SnapshotCheck(boolean updating) {
            this.updating = updating;
        }

        void compare(Path file, String actualText) {
            Optional<String> expected = Snapshots.read(file);
            if (expected.isPresent() && SnapshotMatcher.matches(expected.get(), actualText)) {
                return;
            }
            if (updating) {
                Snapshots.write(file, SnapshotMatcher.normalize(actualText));
            } else if (expected.isEmpty()) {
                problems.add("missing snapshot " + file + "; create it with: " + Snapshots.HOW_TO_UPDATE);
            } else {
                problems.add("snapshot " + file + " differs, "
                        + SnapshotMatcher.firstDifference(expected.get(), actualText));
                if (firstExpected == null) {
                    firstExpected = SnapshotMatcher.normalize(expected.get());
                    firstActual = SnapshotMatcher.normalize(actualText);
                }
            }
        }

        void report() {
            if (problems.isEmpty()) {
                return;
            }
            String format = "%nExpecting the run to match its snapshots, but:%n%s";
            Object list = verbatim("  " + String.join(System.lineSeparator() + "  ", problems));
            ErrorMessageFactory message = new BasicErrorMessageFactory(format, list);
            if (firstExpected != null) {
                throw failureWithRun(message, firstActual, firstExpected);
            }
            throwAssertionError(new RunErrorMessage(message, actual));
        }
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.stream(body.split("\n", -1))
                .map(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line)
                .collect(Collectors.toList());
    }

    /** Text that AssertJ's representation shows as it is, without quotes. */
    private static Object verbatim(String text) {
        return new Object() {
            @Override
            public String toString() {
                return String.valueOf(text);
            }
        };
    }

    private WasiResultAssert hasStreamContaining(String stream, String text, String... values) {
        isNotNull();
        List<String> missing = Arrays.stream(values).filter(value -> !text.contains(value)).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            fail("%nExpecting " + stream + ":%n  %s%nto contain:%n  %s%nbut could not find:%n  %s", text,
                    Arrays.asList(values), missing);
        }
        return myself;
    }

    /** How the run ended, escaped for use inside a message format. */
    private String ending() {
        return RunContext.ending(actual).replace("%", "%%");
    }

    /** A failure that carries actual and expected values (IDEs offer a diff) and the context of the run. */
    private AssertionError failureWithRun(ErrorMessageFactory message, Object actualValue, Object expectedValue) {
        String text = new RunErrorMessage(message, actual).create(emptyDescription(), info.representation());
        return failureWithActualExpected(actualValue, expectedValue, "%s", text);
    }

    private void fail(String format, Object... arguments) {
        throwAssertionError(new RunErrorMessage(new BasicErrorMessageFactory(format, arguments), actual));
    }
}
