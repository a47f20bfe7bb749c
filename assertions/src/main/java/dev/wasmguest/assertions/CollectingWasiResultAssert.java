package dev.wasmguest.assertions;

import dev.wasmguest.WasiResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.assertj.core.api.AssertionErrorCollector;

/**
 * The soft form of {@link WasiResultAssert} where AssertJ cannot make one: on the module path, AssertJ's soft
 * proxies of an assertion class from another named module fail (its module neither reads ours nor exports to the
 * proxy what the proxy refers to). Each of the class's own assertions collects its failure instead of throwing it;
 * a test checks that every one is overridden here. Generic assertions inherited from AssertJ ({@code isEqualTo},
 * {@code satisfies} ...) still throw.
 */
final class CollectingWasiResultAssert extends WasiResultAssert {

    private final AssertionErrorCollector collector;

    CollectingWasiResultAssert(WasiResult actual, AssertionErrorCollector collector) {
        super(actual);
        this.collector = collector;
    }

    @Override
    public WasiResultAssert hasExitCode(int expected) {
        return collecting(() -> super.hasExitCode(expected));
    }

    @Override
    public WasiResultAssert succeeded() {
        return collecting(super::succeeded);
    }

    @Override
    public WasiResultAssert failed() {
        return collecting(super::failed);
    }

    @Override
    public WasiResultAssert trapped() {
        return collecting(super::trapped);
    }

    @Override
    public WasiResultAssert exitedWith(int expected) {
        return collecting(() -> super.exitedWith(expected));
    }

    @Override
    public WasiResultAssert hasTrapMessageContaining(String text) {
        return collecting(() -> super.hasTrapMessageContaining(text));
    }

    @Override
    public WasiResultAssert timedOut() {
        return collecting(super::timedOut);
    }

    @Override
    public WasiResultAssert returned(Number... expected) {
        return collecting(() -> super.returned(expected));
    }

    @Override
    public WasiResultAssert returnedValue(Object expected) {
        return collecting(() -> super.returnedValue(expected));
    }

    @Override
    public WasiResultAssert reachedFunction(String name) {
        return collecting(() -> super.reachedFunction(name));
    }

    @Override
    public WasiResultAssert didNotReachFunction(String name) {
        return collecting(() -> super.didNotReachFunction(name));
    }

    @Override
    public WasiResultAssert reachedLine(String file, int line) {
        return collecting(() -> super.reachedLine(file, line));
    }

    @Override
    public WasiResultAssert didNotReachLine(String file, int line) {
        return collecting(() -> super.didNotReachLine(file, line));
    }

    @Override
    public WasiResultAssert hasStdout(String expected) {
        return collecting(() -> super.hasStdout(expected));
    }

    @Override
    public WasiResultAssert hasStdoutContaining(String... values) {
        return collecting(() -> super.hasStdoutContaining(values));
    }

    @Override
    public WasiResultAssert hasStderrContaining(String... values) {
        return collecting(() -> super.hasStderrContaining(values));
    }

    @Override
    public WasiResultAssert hasEmptyStderr() {
        return collecting(super::hasEmptyStderr);
    }

    @Override
    public WasiResultAssert hasStdoutMatching(String regex) {
        return collecting(() -> super.hasStdoutMatching(regex));
    }

    @Override
    public WasiResultAssert hasStdoutMatching(Pattern pattern) {
        return collecting(() -> super.hasStdoutMatching(pattern));
    }

    @Override
    public WasiResultAssert hasStdoutSatisfying(Consumer<String> requirements) {
        return collecting(() -> super.hasStdoutSatisfying(requirements));
    }

    @Override
    public WasiResultAssert finishedWithin(Duration max) {
        return collecting(() -> super.finishedWithin(max));
    }

    @Override
    public WasiResultAssert matchesSnapshot() {
        return collecting(super::matchesSnapshot);
    }

    @Override
    public WasiResultAssert matchesSnapshot(String name) {
        return collecting(() -> super.matchesSnapshot(name));
    }

    @Override
    public WasiResultAssert hasStdoutMatchingFile(Path file) {
        return collecting(() -> super.hasStdoutMatchingFile(file));
    }

    private WasiResultAssert collecting(Supplier<WasiResultAssert> assertion) {
        try {
            assertion.get();
            collector.succeeded();
        } catch (AssertionError failure) {
            collector.collectAssertionError(failure);
        }
        return this;
    }
}
