package dev.wasmguest.assertions;

import static dev.wasmguest.assertions.error.ShouldFinishWithin.shouldFinishWithin;
import static dev.wasmguest.assertions.error.ShouldHaveEnded.shouldHaveExitCode;
import static dev.wasmguest.assertions.error.ShouldHaveEnded.shouldHaveReturned;
import static dev.wasmguest.assertions.error.ShouldHaveEnded.shouldHaveReturnedValue;
import static dev.wasmguest.assertions.error.ShouldHaveEnded.shouldHaveTrapMessageContaining;
import static dev.wasmguest.assertions.error.ShouldHaveOutput.shouldContain;
import static dev.wasmguest.assertions.error.ShouldHaveOutput.shouldHaveStdout;
import static dev.wasmguest.assertions.error.ShouldHaveOutput.shouldHaveStdoutMatching;
import static dev.wasmguest.assertions.error.ShouldHaveOutput.shouldHaveStdoutSatisfying;
import static dev.wasmguest.assertions.error.ShouldMatchSnapshots.shouldHaveSnapshotName;
import static dev.wasmguest.assertions.error.ShouldMatchSnapshots.shouldMatchSnapshots;
import static dev.wasmguest.assertions.error.ShouldMatchSnapshots.shouldNotUpdateInCi;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;
import static org.assertj.core.description.EmptyTextDescription.emptyDescription;

import dev.wasmguest.WasiResult;
import dev.wasmguest.assertions.error.ShouldHaveEnded;
import dev.wasmguest.assertions.error.ShouldHaveOutput;
import dev.wasmguest.assertions.error.ShouldHaveReached;
import dev.wasmguest.internal.assertions.Navigation;
import dev.wasmguest.internal.assertions.Outcome;
import dev.wasmguest.internal.assertions.Redactions;
import dev.wasmguest.internal.assertions.RunContext;
import dev.wasmguest.internal.assertions.SnapshotMatcher;
import dev.wasmguest.internal.assertions.Snapshots;
import dev.wasmguest.internal.assertions.TestCaller;
import dev.wasmguest.internal.assertions.WitValueMatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractByteArrayAssert;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.AbstractPathAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Assertions on a {@link WasiResult}, in AssertJ's self-typed form: extend it to add assertions of your own, and
 * every inherited assertion returns your type.
 *
 * <pre>{@code
 * public class ToolAssert extends AbstractWasiResultAssert<ToolAssert> {
 *     public ToolAssert(WasiResult actual) {
 *         super(actual, ToolAssert.class);
 *     }
 *
 *     public ToolAssert reportedNoErrors() {
 *         return hasStdoutContaining("0 errors");
 *     }
 * }
 * }</pre>
 *
 * <p>Every failure message ends with the whole run: module, argv, environment variable names, how it ended, its
 * duration, and stdout and stderr; output quoted anywhere in a message is cut, when long, around a visible
 * "… N bytes omitted …" marker, so a failing test explains itself without a rerun. The messages come from the
 * factories of {@link dev.wasmguest.assertions.error}. Not thread-safe, like every AssertJ assertion object; the
 * result it checks is.
 *
 * @param <SELF> the type of the assertion itself, returned by every assertion
 */
@API(status = STABLE, since = "0.1")
public abstract class AbstractWasiResultAssert<SELF extends AbstractWasiResultAssert<SELF>>
        extends AbstractAssert<SELF, WasiResult> {

    private Navigation navigation = Navigation.HARD;
    private final Redactions redactions = new Redactions();

    /**
     * Assertions on {@code actual}, for a subclass.
     *
     * @param actual the run to check
     * @param selfType the subclass, as AssertJ's {@link AbstractAssert} wants it
     */
    protected AbstractWasiResultAssert(WasiResult actual, Class<?> selfType) {
        super(actual, selfType);
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
    public SELF hasExitCode(int expected) {
        return verify(run -> run.exited() && run.exitCode() == expected, run -> shouldHaveExitCode(run, expected));
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
    public SELF succeeded() {
        return verify(WasiResult::succeeded, ShouldHaveEnded::shouldSucceed);
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
    public SELF failed() {
        return verify(run -> !run.succeeded(), ShouldHaveEnded::shouldFail);
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
    public SELF trapped() {
        return verify(WasiResult::trapped, ShouldHaveEnded::shouldTrap);
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
    public SELF exitedWith(int expected) {
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
    public SELF hasTrapMessageContaining(String text) {
        return verify(
                run -> run.trapped() && run.trap().orElse("").contains(text),
                run -> shouldHaveTrapMessageContaining(run, text));
    }

    /**
     * Verifies that a call of a {@link dev.wasmguest.WasiInstance}'s function returned these values, compared as
     * numbers: {@code returned(5)} holds for an {@code i64} result of 5 too.
     *
     * <pre>{@code
     * assertThat(library.call("add", 2, 3)).returned(5); // succeeds
     * assertThat(library.call("add", 2, 2)).returned(5); // fails: returned [4]
     * }</pre>
     *
     * @param expected the values, in order; none for a function that returns nothing
     * @return {@code this}
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public SELF returned(Number... expected) {
        List<Number> values = Arrays.asList(expected);
        return verify(
                run -> run.returned() && sameNumbers(run.returnValues(), values),
                run -> shouldHaveReturned(run, values));
    }

    /**
     * Verifies that a typed call of a {@link dev.wasmguest.WasiInstance}'s function (a component's, or a wit-bindgen
     * module's) returned {@code expected}, in the Java form of its WIT type that {@link
     * dev.wasmguest.WasiInstance#call(String, Object...)} describes. Numbers compare as numbers, wherever they are
     * ({@code returnedValue(WitCase.ok(5))} holds for a {@code result<u32, string>}'s {@code ok(5L)}); lists, maps,
     * optionals and cases element by element; byte arrays by their bytes; other values with {@code equals}.
     *
     * <pre>{@code
     * assertThat(greeter.call("greet", "World")).returnedValue("Hello, World!");
     * assertThat(parser.call("parse", "x")).returnedValue(WitCase.error("not a number: x"));
     * }</pre>
     *
     * @param expected the value; {@code Optional.empty()} for an option's {@code none}
     * @return {@code this}
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public SELF returnedValue(Object expected) {
        return verify(
                run -> run.returned()
                        && run.returnedValue()
                                .filter(value -> WitValueMatch.matches(value, expected))
                                .isPresent(),
                run -> shouldHaveReturnedValue(run, expected));
    }

    /**
     * Verifies that the run entered the guest's function {@code name}, as its {@link WasiResult#coverage() coverage}
     * counted (coverage must be on: {@code wasmguest.coverage.dir}).
     *
     * <pre>{@code
     * assertThat(parser.withArgs("--strict").run()).reachedFunction("check_strict"); // succeeds
     * assertThat(parser.run()).reachedFunction("check_strict"); // fails: it entered it 0 times
     * }</pre>
     *
     * @param name the function's name, demangled as {@link dev.wasmguest.WasiCoverage.Function#name()} has it
     * @return {@code this}
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public SELF reachedFunction(String name) {
        return verify(
                run -> run.coverage()
                        .filter(coverage -> coverage.reachedFunction(name))
                        .isPresent(),
                run -> ShouldHaveReached.shouldHaveReachedFunction(run, name));
    }

    /**
     * Verifies that the run never entered the guest's function {@code name}, which the module has (coverage must be
     * on).
     *
     * @param name the function's name
     * @return {@code this}
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public SELF didNotReachFunction(String name) {
        return verify(
                run -> run.coverage()
                        .filter(coverage -> coverage.functionCalls(name).orElse(-1) == 0)
                        .isPresent(),
                run -> ShouldHaveReached.shouldNotHaveReachedFunction(run, name));
    }

    /**
     * Verifies that the run reached a line of the guest's source: code attributed to it ran (coverage must be on).
     *
     * <pre>{@code
     * assertThat(parser.run("x")).reachedLine("parse.c", 42);
     * }</pre>
     *
     * @param file the file as the module's line table names it, or its end after a {@code /}
     * @param line the line, from 1
     * @return {@code this}
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public SELF reachedLine(String file, int line) {
        return verify(
                run -> run.coverage()
                        .filter(coverage -> coverage.reachedLine(file, line))
                        .isPresent(),
                run -> ShouldHaveReached.shouldHaveReachedLine(run, file, line));
    }

    /**
     * Verifies that the run never reached a line of the guest's source that has code (coverage must be on).
     *
     * @param file the file as the module's line table names it, or its end after a {@code /}
     * @param line the line, from 1
     * @return {@code this}
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public SELF didNotReachLine(String file, int line) {
        return verify(
                run -> run.coverage()
                        .filter(coverage -> coverage.lineHits(file, line).orElse(-1) == 0)
                        .isPresent(),
                run -> ShouldHaveReached.shouldNotHaveReachedLine(run, file, line));
    }

    private static boolean sameNumbers(List<Number> actual, List<Number> expected) {
        if (actual.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            Number value = actual.get(i);
            Number wanted = expected.get(i);
            if (wanted == null
                    || Double.compare(value.doubleValue(), wanted.doubleValue()) != 0
                    || value.longValue() != wanted.longValue()) {
                return false;
            }
        }
        return true;
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
    public SELF timedOut() {
        return verify(WasiResult::timedOut, ShouldHaveEnded::shouldTimeOut);
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
    public SELF hasStdout(String expected) {
        isNotNull();
        String stdout = actual.stdout();
        if (!stdout.equals(expected)) {
            throw failureWithDiff(shouldHaveStdout(actual, expected), stdout, expected);
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
    public SELF hasStdoutContaining(String... values) {
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
    public SELF hasStderrContaining(String... values) {
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
    public SELF hasEmptyStderr() {
        return verify(run -> run.stderrBytes().length == 0, ShouldHaveOutput::shouldHaveEmptyStderr);
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
    public SELF hasStdoutMatching(String regex) {
        return hasStdoutMatching(Pattern.compile(regex));
    }

    /**
     * Verifies that the whole of stdout matches {@code pattern}; see {@link #hasStdoutMatching(String)}.
     *
     * @param pattern the pattern stdout must match as a whole
     * @return {@code this}
     */
    public SELF hasStdoutMatching(Pattern pattern) {
        return verify(run -> pattern.matcher(run.stdout()).matches(), run -> shouldHaveStdoutMatching(run, pattern));
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
    public SELF hasStdoutSatisfying(Consumer<String> requirements) {
        isNotNull();
        try {
            requirements.accept(actual.stdout());
        } catch (AssertionError unmet) {
            throwAssertionError(shouldHaveStdoutSatisfying(actual, unmet));
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
    public SELF finishedWithin(Duration max) {
        return verify(run -> run.duration().compareTo(max) <= 0, run -> shouldFinishWithin(run, max));
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
    public SELF withRedaction(String regex, String replacement) {
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
    public SELF matchesSnapshot() {
        isNotNull();
        Optional<String> name = actual.testName().or(TestCaller::name);
        if (name.isEmpty()) {
            throwAssertionError(shouldHaveSnapshotName(actual));
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
    public SELF matchesSnapshot(String name) {
        SnapshotCheck check = snapshotCheck();
        check.compare(name, "stdout", redactions.apply(actual.stdout()));
        check.compare(name, "stderr", redactions.apply(actual.stderr()));
        // The ending only: a backtrace differs between engines, and snapshots written before it must still match.
        check.compare(name, "exit", Outcome.ending(actual) + "\n");
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
    public SELF hasStdoutMatchingFile(Path file) {
        SnapshotCheck check = snapshotCheck();
        check.compare(file, file, redactions.apply(actual.stdout()));
        check.report();
        return myself;
    }

    /** A comparison of this run with snapshots, refused at once when updating them is refused (in CI). */
    private SnapshotCheck snapshotCheck() {
        isNotNull();
        Snapshots snapshots = Snapshots.fromEnvironment();
        if (snapshots.updateRefused()) {
            throwAssertionError(shouldNotUpdateInCi(actual));
        }
        return new SnapshotCheck(snapshots);
    }

    /** Compares one run with its snapshot files, collecting every problem before failing once. */
    private final class SnapshotCheck {

        private final Snapshots snapshots;
        private final List<String> problems = new ArrayList<>();
        private String firstExpected;
        private String firstActual;

        SnapshotCheck(Snapshots snapshots) {
            this.snapshots = snapshots;
        }

        /** Compares with a named snapshot, kept where 0.1 kept it until it is updated. */
        void compare(String name, String stream, String actualText) {
            compare(snapshots.file(name, stream), snapshots.legacyFile(name, stream), actualText);
        }

        /** Compares with {@code file}, else with {@code formerFile}; an update writes {@code file}. */
        void compare(Path file, Path formerFile, String actualText) {
            Optional<String> expected = Snapshots.read(file).or(() -> Snapshots.read(formerFile));
            if (expected.isPresent() && SnapshotMatcher.matches(expected.get(), actualText)) {
                return;
            }
            if (snapshots.updating()) {
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
            ErrorMessageFactory message = shouldMatchSnapshots(actual, problems);
            if (firstExpected != null) {
                throw failureWithDiff(message, firstActual, firstExpected);
            }
            throwAssertionError(message);
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

    private SELF hasStreamContaining(String stream, String text, String... values) {
        isNotNull();
        List<String> missing =
                Arrays.stream(values).filter(value -> !text.contains(value)).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throwAssertionError(shouldContain(actual, stream, Arrays.asList(values), missing));
        }
        return myself;
    }

    /** Fails with {@code message} unless the run {@code holds}. */
    private SELF verify(Predicate<WasiResult> holds, Function<WasiResult, ErrorMessageFactory> message) {
        isNotNull();
        if (!holds.test(actual)) {
            throwAssertionError(message.apply(actual));
        }
        return myself;
    }

    /** A failure that carries the whole actual and expected values, so that IDEs offer a diff. */
    private AssertionError failureWithDiff(ErrorMessageFactory message, Object actualValue, Object expectedValue) {
        String text = message.create(emptyDescription(), info.representation());
        return failureWithActualExpected(actualValue, expectedValue, "%s", text);
    }
}
