package dev.wasmguest.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.internal.config.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What one run is given and how it is bounded: its {@code argv[0]} (empty means the module's file name),
 * arguments, environment, stdin, engine and limits. Immutable; the {@code with} methods return changed copies.
 */
@API(status = INTERNAL, since = "0.1")
public record RunSpec(
        String argv0,
        List<String> args,
        Map<String, String> env,
        byte[] stdin,
        WasiEngine engine,
        RunLimits limits,
        List<Mount> mounts,
        Clock clock,
        Long randomSeed) {

    public static final String ENGINE = "wasmguest.engine";
    public static final String TIMEOUT = "wasmguest.timeout";
    public static final String PREPARE_TIMEOUT = "wasmguest.prepare.timeout";
    public static final String MAX_MEMORY = "wasmguest.maxMemory";
    public static final String MAX_OUTPUT = "wasmguest.output.max";
    public static final String CLOCK = "wasmguest.clock";
    public static final String RANDOM_SEED = "wasmguest.random.seed";

    public static final RunSpec EMPTY = new RunSpec(
            "", List.of(), Map.of(), new byte[0], WasiEngine.AUTO, RunLimits.DEFAULTS, List.of(), null, null);

    public RunSpec {
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        stdin = stdin.clone();
        mounts = List.copyOf(mounts);
    }

    /**
     * The defaults that configuration gives: engine, timeout, memory and output limits.
     *
     * @throws IllegalArgumentException naming the key whose value is malformed
     */
    public static RunSpec defaults(Settings settings) {
        RunLimits limits = RunLimits.DEFAULTS;
        limits = limits.withTimeout(
                settings.get(TIMEOUT).map(value -> duration(TIMEOUT, value)).orElse(limits.timeout()));
        limits = limits.withPrepareTimeout(settings.get(PREPARE_TIMEOUT)
                .map(value -> duration(PREPARE_TIMEOUT, value))
                .orElse(limits.prepareTimeout()));
        limits = limits.withMaxMemoryBytes(
                settings.get(MAX_MEMORY).map(value -> bytes(MAX_MEMORY, value)).orElse(limits.maxMemoryBytes()));
        limits = limits.withMaxOutputBytes(
                settings.get(MAX_OUTPUT).map(value -> bytes(MAX_OUTPUT, value)).orElse(limits.maxOutputBytes()));
        WasiEngine engine = settings.get(ENGINE).map(RunSpec::engine).orElse(WasiEngine.AUTO);
        RunSpec spec = EMPTY.withEngine(engine).withLimits(limits);
        if (settings.get(CLOCK).isPresent()) {
            spec = spec.withClock(fixedClock(CLOCK, settings.get(CLOCK).get()));
        }
        if (settings.get(RANDOM_SEED).isPresent()) {
            spec = spec.withRandomSeed(
                    seed(RANDOM_SEED, settings.get(RANDOM_SEED).get()));
        }
        return spec;
    }

    /** Parses an ISO-8601 instant such as {@code 2026-01-01T00:00:00Z} into a clock fixed there. */
    public static Clock fixedClock(String key, String value) {
        try {
            return Clock.fixed(Instant.parse(value.strip()), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    key + "=\"" + value + "\" is invalid: expected an ISO-8601 instant such as 2026-01-01T00:00:00Z",
                    e);
        }
    }

    /** Parses a random seed, a whole number. */
    public static long seed(String key, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=\"" + value + "\" is invalid: expected a whole number", e);
        }
    }

    /** Parses {@code auto}, {@code compiler} or {@code interpreter}, any case. */
    public static WasiEngine engine(String value) {
        try {
            return WasiEngine.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "configuration " + ENGINE + "=\"" + value + "\" is invalid: expected auto, compiler or interpreter",
                    e);
        }
    }

    /** Parses an ISO-8601 duration such as {@code PT5S}. */
    public static Duration duration(String key, String value) {
        try {
            Duration duration = Duration.parse(value.strip());
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(key + "=\"" + value + "\" is invalid: expected a positive duration");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    key + "=\"" + value + "\" is invalid: expected an ISO-8601 duration such as PT5S", e);
        }
    }

    /** Parses a byte count, optionally with a binary unit: {@code 1048576}, {@code 64k}, {@code 16m}, {@code 1g}. */
    public static long bytes(String key, String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            text = text.substring(0, text.length() - 1);
        }
        try {
            long count = Long.parseLong(text.strip());
            if (count < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(count, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    key + "=\"" + value + "\" is invalid: expected a byte count such as 1048576, 64k, 16m or 1g", e);
        }
    }

    public RunSpec withArgv0(String value) {
        return new RunSpec(value, args, env, stdin, engine, limits, mounts, clock, randomSeed);
    }

    public RunSpec withArgs(List<String> value) {
        return new RunSpec(argv0, value, env, stdin, engine, limits, mounts, clock, randomSeed);
    }

    public RunSpec withEnv(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(env);
        changed.put(name, value);
        return new RunSpec(argv0, args, changed, stdin, engine, limits, mounts, clock, randomSeed);
    }

    public RunSpec withStdin(byte[] value) {
        return new RunSpec(argv0, args, env, value, engine, limits, mounts, clock, randomSeed);
    }

    public RunSpec withEngine(WasiEngine value) {
        return new RunSpec(argv0, args, env, stdin, value, limits, mounts, clock, randomSeed);
    }

    public RunSpec withLimits(RunLimits value) {
        return new RunSpec(argv0, args, env, stdin, engine, value, mounts, clock, randomSeed);
    }

    /** This spec with one more directory; a later mount at the same guest path replaces the earlier one. */
    public RunSpec withMount(Mount mount) {
        List<Mount> changed = new ArrayList<>(mounts);
        changed.removeIf(existing -> existing.guestPath().equals(mount.guestPath()));
        changed.add(mount);
        return new RunSpec(argv0, args, env, stdin, engine, limits, changed, clock, randomSeed);
    }

    public RunSpec withClock(Clock value) {
        return new RunSpec(argv0, args, env, stdin, engine, limits, mounts, value, randomSeed);
    }

    public RunSpec withRandomSeed(long value) {
        return new RunSpec(argv0, args, env, stdin, engine, limits, mounts, clock, value);
    }

    /** The stdin bytes; the record never hands out its own array. */
    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    /** The full argument vector the guest sees: {@code argv[0]} followed by the arguments. */
    public List<String> argv(String defaultArgv0) {
        List<String> argv = new ArrayList<>(args.size() + 1);
        argv.add(argv0.isEmpty() ? defaultArgv0 : argv0);
        argv.addAll(args);
        return argv;
    }
}
