package dev.wasmguest.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.internal.util.Sha256;
import dev.wasmguest.testsupport.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A JVM of its own translates a module into the cache, and whatever becomes of it, the cache stays usable. */
class DetachedTranslationTest {

    private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path cacheDir;

    @RegisterExtension
    final LogCapture log = LogCapture.of(DetachedTranslation.class);

    private final byte[] seed = TestGuests.resource("seed.wasm");
    private final String sha256 = Sha256.hex(seed);

    @Test
    void theHelperStoresAnEntryThisJvmLoadsAndLeavesNoLogBehind() {
        CompiledCodeCache cache = new CompiledCodeCache(cacheDir, LOCK_TIMEOUT);

        Optional<CompiledCodeCache.Entry> entry = DetachedTranslation.run(cache, sha256, seed, "seed.wasm", true);

        assertThat(entry).isPresent();
        assertThat(cache.entryFile(sha256)).exists();
        assertThat(cache.logFile(sha256)).doesNotExist();
        assertThat(CompiledCode.load(entry.get().jar(), entry.get().interpreted(), "sha256:" + sha256)
                        .interpreted())
                .isEqualTo(entry.get().interpreted());
        assertThat(log.messages(Level.WARNING)).isEmpty();
    }

    @Test
    void anInvalidModuleStoresNothingAndIsLeftForThisJvmToDescribe() {
        byte[] broken = seed.clone();
        broken[broken.length / 2] ^= 0x5A;
        String brokenSha = Sha256.hex(broken);
        CompiledCodeCache cache = new CompiledCodeCache(cacheDir, LOCK_TIMEOUT);

        assertThat(DetachedTranslation.run(cache, brokenSha, broken, "broken.wasm", true))
                .isEmpty();

        assertThat(cache.entryFile(brokenSha)).doesNotExist();
        assertThat(log.messages(Level.WARNING))
                .as("parsing it here says what is wrong")
                .isEmpty();
        assertThat(cache.findOrLock(brokenSha)).as("and its lock is free").isEmpty();
        cache.abandon(brokenSha);
    }

    @Test
    void aHelperKilledWhileWaitingForTheLockLeavesTheLockFreeAndSaysSo() throws Exception {
        CompiledCodeCache holder = new CompiledCodeCache(cacheDir, LOCK_TIMEOUT);
        assertThat(holder.findOrLock(sha256))
                .as("this test translates the module")
                .isEmpty();
        CompletableFuture<Optional<CompiledCodeCache.Entry>> helped =
                CompletableFuture.supplyAsync(() -> DetachedTranslation.run(
                        new CompiledCodeCache(cacheDir, LOCK_TIMEOUT), sha256, seed, "seed.wasm", false));
        ProcessHandle helper = helperOf(helped);

        helper.destroyForcibly();

        assertThat(helped.get(2, TimeUnit.MINUTES)).isEmpty();
        assertThat(log.messages(Level.WARNING))
                .singleElement()
                .asString()
                .startsWith("Guest module seed.wasm: the JVM translating it ended with exit code ")
                .contains("stored nothing (its output: " + holder.logFile(sha256) + ")")
                .endsWith("; translating it in this JVM");
        holder.abandon(sha256);
        CompiledCodeCache next = new CompiledCodeCache(cacheDir, Duration.ofSeconds(1));
        assertThat(next.findOrLock(sha256)).as("the dead helper holds no lock").isEmpty();
        next.abandon(sha256);
    }

    @Test
    void aModuleBiggerThanTheHeapCouldParseIsDetachedAndASmallOneIsNot() {
        assertThat(DetachedTranslation.beyondHeap(DetachedTranslation.DETACH_FROM_CODE_BYTES - 1))
                .isFalse();
        long tooBig = Runtime.getRuntime().maxMemory() / DetachedTranslation.HEAP_PER_CODE_BYTE + 1;
        assertThat(DetachedTranslation.beyondHeap(Math.max(tooBig, DetachedTranslation.DETACH_FROM_CODE_BYTES)))
                .isTrue();
    }

    /** The helper JVM {@code run} started, once it is there (it blocks on the lock the test holds). */
    private static ProcessHandle helperOf(CompletableFuture<?> run) throws InterruptedException {
        while (true) {
            assertThat(run).as("a helper was started and waits").isNotDone();
            List<ProcessHandle> helpers = ProcessHandle.current()
                    .children()
                    .filter(child -> child.info()
                            .arguments()
                            .map(List::of)
                            .orElse(List.of())
                            .contains(DetachedTranslation.class.getName()))
                    .toList();
            if (!helpers.isEmpty()) {
                return helpers.get(0);
            }
            Thread.sleep(20);
        }
    }
}
