package dev.wasmguest.internal.engine;

import dev.wasmguest.internal.resolve.ResolvedModule;
import dev.wasmguest.internal.resolve.Sha256;
import dev.wasmguest.internal.source.BytesSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Prepares and runs test guests the way {@code WasiRunner} does, without its public layer. */
final class TestGuests {

    private TestGuests() {}

    static byte[] resource(String name) {
        try (InputStream in = TestGuests.class.getResourceAsStream("/guests/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test guest " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PreparedGuest prepare(byte[] bytes) {
        return prepare(bytes, EngineCaches.none());
    }

    static PreparedGuest prepare(byte[] bytes, EngineCaches caches) {
        return GuestPreparation.prepare(new BytesSource(bytes), new ResolvedModule(bytes, Sha256.hex(bytes)), caches);
    }

    /** Runs with the engine the spec asks for, waiting as long as a translation takes. */
    static RunRecord run(PreparedGuest guest, RunSpec spec) {
        try {
            PreparedGuest.Engine engine = guest.engineFor(
                    spec.engine(), System.nanoTime() + Duration.ofMinutes(5).toNanos());
            return GuestExecution.run(guest, engine, spec, Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
