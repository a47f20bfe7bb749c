package dev.wasmguest.internal.load;

import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.coverage.CoverageFiles;
import dev.wasmguest.internal.resolve.ResolvedModule;
import dev.wasmguest.internal.run.GuestExecution;
import dev.wasmguest.internal.run.Invocation;
import dev.wasmguest.internal.run.RunSpec;
import dev.wasmguest.internal.run.RunThreads;
import dev.wasmguest.internal.source.BytesSource;
import dev.wasmguest.internal.util.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/** Prepares and runs test guests the way {@code WasiRunner} does, without its public layer. */
public final class TestGuests {

    private static final RunThreads THREADS = new RunThreads("test guest");

    private TestGuests() {}

    public static byte[] resource(String name) {
        try (InputStream in = TestGuests.class.getResourceAsStream("/guests/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test guest " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LoadedModule prepare(byte[] bytes) {
        return prepare(bytes, EngineCaches.none());
    }

    public static LoadedModule prepare(byte[] bytes, EngineCaches caches) {
        return (LoadedModule) ModuleLoader.prepare(
                new BytesSource(bytes),
                new ResolvedModule(bytes, Sha256.hex(bytes)),
                caches,
                new ConcurrentHashMap<>(),
                shape -> {},
                Optional.empty());
    }

    /** The coverage files of {@code directory}, as {@code wasmguest.coverage.dir} names them. */
    public static CoverageFiles coverageFiles(Path directory) {
        Properties properties = new Properties();
        properties.setProperty("wasmguest.coverage.dir", directory.toString());
        return CoverageFiles.from(Settings.of(properties, new Properties(), Map.of()))
                .orElseThrow();
    }

    /** Prepared with coverage counters, each run's coverage merged into {@code files}. */
    public static LoadedModule prepareCounted(byte[] bytes, CoverageFiles files) {
        return (LoadedModule) ModuleLoader.prepare(
                new BytesSource(bytes),
                new ResolvedModule(bytes, Sha256.hex(bytes)),
                EngineCaches.none(),
                new ConcurrentHashMap<>(),
                shape -> {},
                Optional.of(files));
    }

    /** Runs with the engine the spec asks for, waiting as long as a translation takes. */
    public static WasiResult run(LoadedModule guest, RunSpec spec) {
        try {
            LoadedModule.Code code = guest.codeFor(
                    spec.engine(), System.nanoTime() + Duration.ofMinutes(5).toNanos());
            Invocation invocation =
                    new Invocation(guest.source(), spec.argv(guest.fileName()), spec.env(), Optional.empty());
            return GuestExecution.run(
                    new GuestExecution.Request(THREADS, guest, code, spec, invocation, Duration.ZERO));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
