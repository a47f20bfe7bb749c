package dev.wasmguest.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.run.RunSpec;
import dev.wasmguest.testsupport.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Compiled code survives the JVM: a later preparation of a module loads it instead of translating again. */
class CompiledCodeCacheTest {

    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);
    private static final String MODULE = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final CompiledCodeCache.Entry ENTRY =
            new CompiledCodeCache.Entry(5, List.of(3, 7), new byte[] {1, 2});

    @TempDir
    Path cacheDir;

    @RegisterExtension
    final LogCapture log = LogCapture.of(CompiledCodeCache.class);

    @Test
    void laterPreparationsLoadTheStoredCodeAndDamagedEntriesAreRebuilt() throws IOException {
        byte[] seed = TestGuests.resource("seed.wasm");

        LoadedModule first = prepare(seed);
        assertThat(runSeed(first)).isEqualTo("Wasm Guest: Received arguments: [cached]");
        List<Path> entries = entries();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).toString()).contains("compiled/" + RuntimeVersion.cacheSegment() + "/");

        LoadedModule second = prepare(seed);
        assertThat(second.compiledCode()).as("a 'new JVM' has the code at once").isDone();
        assertThat(runSeed(second)).isEqualTo("Wasm Guest: Received arguments: [cached]");

        byte[] damaged = Files.readAllBytes(entries.get(0));
        damaged[damaged.length / 2] ^= 0x5A;
        Files.write(entries.get(0), damaged);
        LoadedModule third = prepare(seed);
        assertThat(entries.get(0)).as("the damaged entry is deleted").doesNotExist();
        assertThat(runSeed(third)).isEqualTo("Wasm Guest: Received arguments: [cached]");
        assertThat(Files.readAllBytes(entries.get(0))).as("and rebuilt").isNotEqualTo(damaged);
        assertThat(log.messages(Level.WARNING))
                .containsExactly("Compiled code " + entries.get(0) + " is damaged; deleting it and translating again");

        assertThat(prepare(seed).compiledCode()).isDone();
    }

    @Test
    void anEntryKeepsTheImportAndInterpretedFunctionCountsWithTheClasses() {
        CompiledCodeCache cache = new CompiledCodeCache(cacheDir, LOCK_TIMEOUT);
        assertThat(cache.findOrLock(MODULE)).isEmpty();
        cache.store(MODULE, ENTRY);

        CompiledCodeCache.Entry found =
                new CompiledCodeCache(cacheDir, LOCK_TIMEOUT).find(MODULE).orElseThrow();

        assertThat(found.importedFunctions()).isEqualTo(5);
        assertThat(found.interpreted()).containsExactly(3, 7);
        assertThat(found.jar()).containsExactly(1, 2);
    }

    @Test
    void aMissHoldsTheEntryUntilItIsStoredSoOthersWaitInsteadOfTranslating() throws Exception {
        CompiledCodeCache translator = new CompiledCodeCache(cacheDir, LOCK_TIMEOUT);
        CompiledCodeCache other = new CompiledCodeCache(cacheDir, LOCK_TIMEOUT);
        assertThat(translator.findOrLock(MODULE)).isEmpty();

        CompletableFuture<Optional<CompiledCodeCache.Entry>> waiting =
                CompletableFuture.supplyAsync(() -> other.findOrLock(MODULE));
        Thread.sleep(200);
        assertThat(waiting).as("the other cache waits for the translation").isNotDone();
        translator.store(MODULE, ENTRY);

        assertThat(waiting.get(10, TimeUnit.SECONDS))
                .hasValueSatisfying(entry -> assertThat(entry.interpreted()).containsExactly(3, 7));
    }

    @Test
    void anAbandonedTranslationLetsTheNextOneTranslate() throws Exception {
        CompiledCodeCache failing = new CompiledCodeCache(cacheDir, LOCK_TIMEOUT);
        CompiledCodeCache next = new CompiledCodeCache(cacheDir, LOCK_TIMEOUT);
        assertThat(failing.findOrLock(MODULE)).isEmpty();

        CompletableFuture<Optional<CompiledCodeCache.Entry>> waiting =
                CompletableFuture.supplyAsync(() -> next.findOrLock(MODULE));
        failing.abandon(MODULE);

        assertThat(waiting.get(10, TimeUnit.SECONDS))
                .as("a miss: the next one translates")
                .isEmpty();
        next.abandon(MODULE);
    }

    @Test
    void aWaitLongerThanTheLockTimeoutTranslatesAnyway() {
        CompiledCodeCache slow = new CompiledCodeCache(cacheDir, LOCK_TIMEOUT);
        CompiledCodeCache impatient = new CompiledCodeCache(cacheDir, Duration.ofMillis(100));
        assertThat(slow.findOrLock(MODULE)).isEmpty();

        assertThat(CompletableFuture.supplyAsync(() -> impatient.findOrLock(MODULE))
                        .join())
                .isEmpty();
        slow.abandon(MODULE);
        assertThat(log.messages(Level.WARNING))
                .singleElement()
                .asString()
                .startsWith("another thread or JVM held the cache lock ")
                .endsWith(" for more than 100 ms; translating without waiting any longer");
    }

    private LoadedModule prepare(byte[] module) {
        return TestGuests.prepare(
                module,
                new EngineCaches(
                        Optional.of(new CompiledCodeCache(cacheDir, LOCK_TIMEOUT)), ValidatedModules.in(cacheDir)));
    }

    private static String runSeed(LoadedModule guest) {
        WasiResult record = TestGuests.run(
                guest, RunSpec.EMPTY.withEngine(WasiEngine.COMPILER).withArgs(List.of("cached")));
        assertThat(record.outcome()).isEqualTo(WasiOutcome.EXITED);
        return record.stdout().lines().skip(1).findFirst().orElse("");
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.walk(cacheDir.resolve("compiled"))) {
            return files.filter(file -> file.toString().endsWith(".bin")).collect(Collectors.toList());
        }
    }
}
