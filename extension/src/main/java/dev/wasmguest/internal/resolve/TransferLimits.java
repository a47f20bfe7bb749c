package dev.wasmguest.internal.resolve;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Bounds on downloads, so that no network condition can hang a build.
 *
 * @param connectTimeout establishing a connection
 * @param requestTimeout from sending a request until its response headers arrive
 * @param stallTimeout the longest wait for the next bytes of a response body
 * @param retries further attempts after a connection error, a stalled or cut-off body or a 5xx status
 * @param retryBackoff the wait before the first retry; it doubles for every further one
 * @param retryWindow how long after the first attempt began a retry may still start: with the defaults, a server
 *        that accepts connections and never answers is given up on after about 31 s, one whose body stalls after
 *        about 41 s
 * @param maxRedirects redirects followed before giving up
 * @param maxModuleBytes the largest module accepted, checked while streaming
 * @param lockTimeout the longest wait for another thread or JVM downloading the same URL
 * @param progressInterval how often a long download logs its progress
 */
@API(status = INTERNAL, since = "0.1")
public record TransferLimits(
        Duration connectTimeout,
        Duration requestTimeout,
        Duration stallTimeout,
        int retries,
        Duration retryBackoff,
        Duration retryWindow,
        int maxRedirects,
        long maxModuleBytes,
        Duration lockTimeout,
        Duration progressInterval) {

    public static final TransferLimits DEFAULTS = new TransferLimits(
            Duration.ofSeconds(10),
            Duration.ofSeconds(15),
            Duration.ofSeconds(20),
            3,
            Duration.ofMillis(500),
            Duration.ofSeconds(20),
            5,
            512L * 1024 * 1024,
            Duration.ofMinutes(10),
            Duration.ofSeconds(5));
}
