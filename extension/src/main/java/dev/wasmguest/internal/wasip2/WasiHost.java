package dev.wasmguest.internal.wasip2;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.component.CaseValue;
import dev.wasmguest.internal.component.HostInstance;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.apiguardian.api.API;
import run.endive.runtime.TrapException;
import run.endive.wasi.WasiExitException;

/**
 * The WASI 0.2 interfaces a command component imports, on what the run grants it: its arguments and environment,
 * its stdin, its captured stdout and stderr, the clocks (fixed when the run fixes them) and the random source (seeded
 * when the run seeds it), and the directories it grants, private copies in the run's own file system
 * ({@link Filesystem}). Any 0.2.x version of an interface is served the same: the functions a command uses have kept
 * their names and types across 0.2. {@code wasi:sockets} and {@code wasi:http} are not served. One per run; not
 * thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class WasiHost implements Function<String, Optional<HostInstance>> {

    /**
     * What the run grants.
     *
     * @param preopens its directories, in the order the guest finds them
     */
    public record Grants(
            List<String> argv,
            Map<String, String> env,
            InputStream stdin,
            OutputStream stdout,
            OutputStream stderr,
            Optional<Clock> clock,
            Optional<Long> randomSeed,
            List<Preopen> preopens) {}

    /**
     * A directory the run grants.
     *
     * @param guestPath where the guest sees it
     * @param directory where it is in the run's private file system
     * @param readOnly whether every change inside it is refused
     */
    public record Preopen(String guestPath, Path directory, boolean readOnly) {}

    /** The interfaces served, by name without version: what each gives a run's host. */
    private static final Map<String, Function<WasiHost, HostInstance>> INTERFACES = Map.ofEntries(
            Map.entry("wasi:cli/environment", host -> function -> switch (function) {
                case "get-arguments" -> Optional.of(args -> new ArrayList<Object>(host.grants.argv()));
                case "get-environment" ->
                    Optional.of(args -> host.grants.env().entrySet().stream()
                            .map(variable -> (Object) List.of(variable.getKey(), variable.getValue()))
                            .toList());
                case "initial-cwd" -> Optional.of(args -> CaseValue.NONE);
                default -> Optional.empty();
            }),
            Map.entry("wasi:cli/exit", host -> function -> switch (function) {
                case "exit" ->
                    Optional.of(args -> {
                        throw new WasiExitException(((CaseValue) args.get(0)).index() == 0 ? 0 : 1);
                    });
                case "exit-with-code" ->
                    Optional.of(args -> {
                        throw new WasiExitException((Integer) args.get(0));
                    });
                default -> Optional.empty();
            }),
            Map.entry(
                    "wasi:cli/stdin",
                    host -> only("get-stdin", args -> new Streams.Input("stdin", host.grants.stdin()))),
            Map.entry(
                    "wasi:cli/stdout",
                    host -> only("get-stdout", args -> new Streams.Output("stdout", host.grants.stdout()))),
            Map.entry(
                    "wasi:cli/stderr",
                    host -> only("get-stderr", args -> new Streams.Output("stderr", host.grants.stderr()))),
            Map.entry("wasi:cli/terminal-stdin", host -> only("get-terminal-stdin", args -> CaseValue.NONE)),
            Map.entry("wasi:cli/terminal-stdout", host -> only("get-terminal-stdout", args -> CaseValue.NONE)),
            Map.entry("wasi:cli/terminal-stderr", host -> only("get-terminal-stderr", args -> CaseValue.NONE)),
            Map.entry("wasi:cli/terminal-input", host -> function -> Optional.empty()),
            Map.entry("wasi:cli/terminal-output", host -> function -> Optional.empty()),
            Map.entry(
                    "wasi:io/error",
                    host -> only("[method]error.to-debug-string", args -> ((Streams.Error) args.get(0)).message())),
            Map.entry("wasi:io/poll", host -> function -> switch (function) {
                case "[method]pollable.ready" -> Optional.of(args -> host.clocks.ready((Clocks.Pollable) args.get(0)));
                case "[method]pollable.block" ->
                    Optional.of(args -> {
                        host.clocks.block((Clocks.Pollable) args.get(0));
                        return null;
                    });
                case "poll" -> Optional.of(args -> host.clocks.poll((List<?>) args.get(0)));
                default -> Optional.empty();
            }),
            Map.entry("wasi:io/streams", host -> host::stream),
            Map.entry("wasi:clocks/wall-clock", host -> function -> switch (function) {
                case "now" -> Optional.of(args -> datetime(host.clocks.wall()));
                case "resolution" -> Optional.of(args -> List.<Object>of(0L, 1_000));
                default -> Optional.empty();
            }),
            Map.entry("wasi:clocks/monotonic-clock", host -> function -> switch (function) {
                case "now" -> Optional.of(args -> host.clocks.monotonic());
                case "resolution" -> Optional.of(args -> 1_000L);
                case "subscribe-instant" -> Optional.of(args -> host.clocks.at((Long) args.get(0)));
                case "subscribe-duration" -> Optional.of(args -> host.clocks.after((Long) args.get(0)));
                default -> Optional.empty();
            }),
            Map.entry("wasi:random/random", host -> function -> switch (function) {
                case "get-random-bytes" -> Optional.of(args -> bytes(host.random, (Long) args.get(0)));
                case "get-random-u64" -> Optional.of(args -> host.random.nextLong());
                default -> Optional.empty();
            }),
            Map.entry("wasi:random/insecure", host -> function -> switch (function) {
                case "get-insecure-random-bytes" -> Optional.of(args -> bytes(host.insecure, (Long) args.get(0)));
                case "get-insecure-random-u64" -> Optional.of(args -> host.insecure.nextLong());
                default -> Optional.empty();
            }),
            Map.entry(
                    "wasi:random/insecure-seed",
                    host -> only(
                            "insecure-seed",
                            args -> List.<Object>of(host.insecure.nextLong(), host.insecure.nextLong()))),
            Map.entry(
                    "wasi:filesystem/preopens", host -> only("get-directories", args -> host.filesystem.directories())),
            Map.entry("wasi:filesystem/types", host -> host.filesystem::types));

    private final Grants grants;
    private final Filesystem filesystem;
    private final Random random;
    private final Random insecure;
    private final Clocks clocks;

    public WasiHost(Grants grants) {
        this.grants = grants;
        this.clocks = new Clocks(grants.clock());
        this.filesystem = new Filesystem(grants.preopens(), clocks::wall);
        this.random = grants.randomSeed().<Random>map(Random::new).orElseGet(SecureRandom::new);
        this.insecure = grants.randomSeed().map(seed -> new Random(seed + 1)).orElseGet(Random::new);
    }

    /** The interface imported as {@code name}, e.g. {@code wasi:cli/stdout@0.2.12}; empty for one not served. */
    @Override
    public Optional<HostInstance> apply(String name) {
        return served(name).map(base -> INTERFACES.get(base).apply(this));
    }

    /**
     * Why an import is not served, for the message that refuses the component before it runs; empty when it is.
     *
     * @param name an import's name, e.g. {@code wasi:sockets/tcp@0.2.12}
     */
    public static Optional<String> refusal(String name) {
        if (served(name).isPresent()) {
            return Optional.empty();
        }
        if (name.startsWith("wasi:sockets/") || name.startsWith("wasi:http/")) {
            return Optional.of(name + ": wasmguest grants guests no network access");
        }
        return Optional.of(name + ": the WASI 0.2 host serves wasi:cli, wasi:io, wasi:clocks, wasi:random and"
                + " wasi:filesystem (any 0.2.x), nothing else");
    }

    /** The interface's name without its version, when it is one this host serves. */
    private static Optional<String> served(String name) {
        int at = name.indexOf('@');
        if (at < 0
                || !name.startsWith("0.2.", at + 1) && !name.substring(at + 1).equals("0.2")) {
            return Optional.empty();
        }
        String base = name.substring(0, at);
        return INTERFACES.containsKey(base) ? Optional.of(base) : Optional.empty();
    }

    private Optional<HostInstance.Call> stream(String function) {
        return switch (function) {
            case "[method]output-stream.check-write" -> Optional.of(Streams::checkWrite);
            case "[method]output-stream.write" -> Optional.of(Streams::write);
            case "[method]output-stream.blocking-write-and-flush" ->
                Optional.of(args -> {
                    Object written = Streams.write(args);
                    return ((CaseValue) written).index() == 0 ? Streams.flush(args) : written;
                });
            case "[method]output-stream.flush", "[method]output-stream.blocking-flush" -> Optional.of(Streams::flush);
            case "[method]output-stream.write-zeroes", "[method]output-stream.blocking-write-zeroes-and-flush" ->
                Optional.of(Streams::writeZeroes);
            case "[method]output-stream.splice", "[method]output-stream.blocking-splice" ->
                Optional.of(Streams::splice);
            case "[method]input-stream.read", "[method]input-stream.blocking-read" -> Optional.of(Streams::read);
            case "[method]input-stream.skip", "[method]input-stream.blocking-skip" -> Optional.of(Streams::skip);
            case "[method]input-stream.subscribe", "[method]output-stream.subscribe" ->
                Optional.of(args -> Clocks.Pollable.READY);
            default -> Optional.empty();
        };
    }

    private static HostInstance only(String name, HostInstance.Call call) {
        return function -> function.equals(name) ? Optional.of(call) : Optional.empty();
    }

    private static List<Object> datetime(Instant instant) {
        return List.of(instant.getEpochSecond(), instant.getNano());
    }

    private static byte[] bytes(Random source, long count) {
        if (count < 0 || count > 1 << 24) {
            throw new TrapException("asked for " + Long.toUnsignedString(count) + " random bytes; at most 16 MiB");
        }
        byte[] bytes = new byte[(int) count];
        source.nextBytes(bytes);
        return bytes;
    }
}
