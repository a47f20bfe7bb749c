package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import org.apiguardian.api.API;
import run.endive.wasm.types.MemoryLimits;

/**
 * Bounds on one run.
 *
 * @param timeout wall-clock time before the guest is stopped
 * @param maxMemoryBytes the largest linear memory the guest may grow to (rounded down to 64 KiB pages)
 * @param maxOutputBytes bytes kept per output stream; the rest is dropped and the stream marked truncated
 * @param prepareTimeout how long a run may wait, before it starts, for its module to be resolved, parsed and (for
 *        the compiler engine) translated
 * @param maxMountBytes the most bytes of files the mounted host directories may hold, all together: the guest
 *        works on an in-memory copy of them
 */
@API(status = INTERNAL, since = "0.1")
public record RunLimits(
        Duration timeout, long maxMemoryBytes, long maxOutputBytes, Duration prepareTimeout, long maxMountBytes) {

    public static final long PAGE_BYTES = 64 * 1024;

    public static final RunLimits DEFAULTS = new RunLimits(
            Duration.ofSeconds(60), 512L * 1024 * 1024, 16L * 1024 * 1024, Duration.ofMinutes(10), 256L * 1024 * 1024);

    public RunLimits withTimeout(Duration value) {
        return new RunLimits(value, maxMemoryBytes, maxOutputBytes, prepareTimeout, maxMountBytes);
    }

    public RunLimits withMaxMemoryBytes(long value) {
        return new RunLimits(timeout, value, maxOutputBytes, prepareTimeout, maxMountBytes);
    }

    public RunLimits withMaxOutputBytes(long value) {
        return new RunLimits(timeout, maxMemoryBytes, value, prepareTimeout, maxMountBytes);
    }

    public RunLimits withPrepareTimeout(Duration value) {
        return new RunLimits(timeout, maxMemoryBytes, maxOutputBytes, value, maxMountBytes);
    }

    public RunLimits withMaxMountBytes(long value) {
        return new RunLimits(timeout, maxMemoryBytes, maxOutputBytes, prepareTimeout, value);
    }

    /**
     * The memory a module that declares {@code declared} gets: its own initial size, grown at most to the limit.
     *
     * @param subject how the message names the module, e.g. {@code guest module classpath:guests/seed.wasm}
     * @throws IllegalArgumentException when its initial memory alone exceeds the limit
     */
    public MemoryLimits bound(MemoryLimits declared, String subject) {
        int limit = maxMemoryPages();
        if (declared.initialPages() > limit) {
            throw new IllegalArgumentException(subject + " needs " + declared.initialPages() * PAGE_BYTES
                    + " bytes of initial memory (" + declared.initialPages() + " pages), more than the memory limit of "
                    + maxMemoryBytes + " bytes; raise maxMemory (wasmguest.maxMemory)");
        }
        return new MemoryLimits(declared.initialPages(), Math.min(declared.maximumPages(), limit));
    }

    /** The memory limit in pages, at most Endive's own cap. */
    public int maxMemoryPages() {
        return (int) Math.min(maxMemoryBytes / PAGE_BYTES, MemoryLimits.MAX_PAGES);
    }
}
