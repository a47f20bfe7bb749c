package dev.wasmguest.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.compiler.Cache;
import dev.wasmguest.WasiOutcome;
import dev.wasmguest.internal.resolve.ResolvedModule;
import dev.wasmguest.internal.resolve.Sha256;
import dev.wasmguest.internal.source.BytesSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiled code survives the JVM: a second load of a module reads it instead of translating again. */
class CompiledCodeCacheTest {

    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path cacheDir;

    @Test
    void secondLoadUsesTheStoredCodeAndDamagedEntriesAreRebuilt() throws IOException {
        byte[] seed;
        try (InputStream in = getClass().getResourceAsStream("/guests/seed.wasm")) {
            seed = in.readAllBytes();
        }

        Counting first = new Counting(new CompiledCodeCache(cacheDir, LOCK_TIMEOUT));
        assertThat(runSeed(seed, first)).isEqualTo("Wasm Guest: Received arguments: [cached]");
        assertThat(first.hits).isZero();
        List<Path> entries = entries();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).toString()).contains("compiled/chicory-" + ChicoryVersion.get() + "/");

        Counting second = new Counting(new CompiledCodeCache(cacheDir, LOCK_TIMEOUT));
        assertThat(runSeed(seed, second)).isEqualTo("Wasm Guest: Received arguments: [cached]");
        assertThat(second.hits).as("a fresh parse in a 'new JVM' loads the stored classes").isEqualTo(1);

        byte[] damaged = Files.readAllBytes(entries.get(0));
        damaged[damaged.length / 2] ^= 0x5A;
        Files.write(entries.get(0), damaged);
        Counting third = new Counting(new CompiledCodeCache(cacheDir, LOCK_TIMEOUT));
        assertThat(runSeed(seed, third)).isEqualTo("Wasm Guest: Received arguments: [cached]");
        assertThat(third.hits).as("the damaged entry is not used").isZero();
        assertThat(Files.readAllBytes(entries.get(0))).as("and is rebuilt").isNotEqualTo(damaged);

        Counting fourth = new Counting(new CompiledCodeCache(cacheDir, LOCK_TIMEOUT));
        runSeed(seed, fourth);
        assertThat(fourth.hits).isEqualTo(1);
    }

    @Test
    void aMissHoldsTheEntryUntilItIsStoredSoOthersWaitInsteadOfCompiling() throws Exception {
        CompiledCodeCache compiler = new CompiledCodeCache(cacheDir, LOCK_TIMEOUT);
        CompiledCodeCache other = new CompiledCodeCache(cacheDir, LOCK_TIMEOUT);
        byte[] classes = {1, 2, 3};
        assertThat(compiler.get("module")).isNull();

        CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(() -> other.get("module"));
        Thread.sleep(200);
        assertThat(waiting).as("the other cache waits for the compilation").isNotDone();
        compiler.putIfAbsent("module", classes);

        assertThat(waiting.get(10, TimeUnit.SECONDS)).containsExactly(classes);
    }

    @Test
    void anAbandonedCompilationLetsTheNextOneCompile() throws Exception {
        CompiledCodeCache failing = new CompiledCodeCache(cacheDir, LOCK_TIMEOUT);
        CompiledCodeCache next = new CompiledCodeCache(cacheDir, LOCK_TIMEOUT);
        assertThat(failing.get("module")).isNull();

        CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(() -> next.get("module"));
        failing.abandon("module");

        assertThat(waiting.get(10, TimeUnit.SECONDS)).as("a miss: the next one compiles").isNull();
        next.abandon("module");
    }

    @Test
    void aWaitLongerThanTheLockTimeoutCompilesAnyway() {
        CompiledCodeCache slow = new CompiledCodeCache(cacheDir, LOCK_TIMEOUT);
        CompiledCodeCache impatient = new CompiledCodeCache(cacheDir, Duration.ofMillis(100));
        assertThat(slow.get("module")).isNull();

        assertThat(CompletableFuture.supplyAsync(() -> impatient.get("module")).join()).isNull();
        slow.abandon("module");
    }

    private static String runSeed(byte[] seed, Cache cache) {
        CompiledGuest guest = GuestCompiler.compile(new BytesSource(seed), new ResolvedModule(seed, Sha256.hex(seed)),
                new EngineCaches(Optional.of(cache), ValidatedModules.none()));
        RunRecord record = GuestExecution.run(guest, RunSpec.EMPTY.withArgs(List.of("cached"))).record();
        assertThat(record.outcome()).isEqualTo(WasiOutcome.EXITED);
        return new String(record.stdout(), StandardCharsets.UTF_8).lines().skip(1).findFirst().orElse("");
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.walk(cacheDir.resolve("compiled"))) {
            return files.filter(file -> file.toString().endsWith(".bin")).collect(Collectors.toList());
        }
    }

    /** Counts the cache hits Chicory's compiler gets. */
    private static final class Counting implements Cache {
        private final Cache delegate;
        int hits;

        Counting(Cache delegate) {
            this.delegate = delegate;
        }

        @Override
        public byte[] get(String key) throws IOException {
            byte[] found = delegate.get(key);
            if (found != null) {
                hits++;
            }
            return found;
        }

        @Override
        public void putIfAbsent(String key, byte[] value) throws IOException {
            delegate.putIfAbsent(key, value);
        }
    }
}
