package dev.wasmguest.internal.run;

import static dev.wasmguest.WasmGuestSetting.CLOCK;
import static dev.wasmguest.WasmGuestSetting.ENGINE;
import static dev.wasmguest.WasmGuestSetting.IMPORTS_UNKNOWN;
import static dev.wasmguest.WasmGuestSetting.MAX_MEMORY;
import static dev.wasmguest.WasmGuestSetting.MAX_OUTPUT;
import static dev.wasmguest.WasmGuestSetting.MOUNT_MAX_BYTES;
import static dev.wasmguest.WasmGuestSetting.PREPARE_TIMEOUT;
import static dev.wasmguest.WasmGuestSetting.RANDOM_SEED;
import static dev.wasmguest.WasmGuestSetting.TIMEOUT;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.UnknownImports;
import dev.wasmguest.WasiEngine;
import dev.wasmguest.internal.config.ConfigValue;
import dev.wasmguest.internal.config.Settings;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What one run is given and how it is bounded: its {@code argv[0]} (empty means the module's file name),
 * arguments, environment, stdin, engine, limits and the functions it may import besides WASI's. Immutable; the {@code with} methods return changed copies.
 *
 * @param console the process streams the guest reads and writes live, as the command line's; null for the stdin
 *        bytes and captured output only
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
        Long randomSeed,
        HostConsole console,
        HostImports imports) {

    public static final RunSpec EMPTY = new RunSpec(
            "",
            List.of(),
            Map.of(),
            new byte[0],
            WasiEngine.AUTO,
            RunLimits.DEFAULTS,
            List.of(),
            null,
            null,
            null,
            HostImports.NONE);

    public RunSpec {
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        stdin = stdin.clone();
        mounts = List.copyOf(mounts);
    }

    /**
     * The defaults that configuration gives: engine, timeout, memory and output limits, clock and random seed.
     *
     * @throws IllegalArgumentException naming the key, its value and where it came from when a value is malformed
     */
    public static RunSpec defaults(Settings settings) {
        RunLimits limits = RunLimits.DEFAULTS
                .withTimeout(settings.read(TIMEOUT, ConfigValue::positiveDuration, RunLimits.DEFAULTS.timeout()))
                .withPrepareTimeout(settings.read(
                        PREPARE_TIMEOUT, ConfigValue::positiveDuration, RunLimits.DEFAULTS.prepareTimeout()))
                .withMaxMemoryBytes(settings.read(MAX_MEMORY, ConfigValue::bytes, RunLimits.DEFAULTS.maxMemoryBytes()))
                .withMaxOutputBytes(settings.read(MAX_OUTPUT, ConfigValue::bytes, RunLimits.DEFAULTS.maxOutputBytes()))
                .withMaxMountBytes(
                        settings.read(MOUNT_MAX_BYTES, ConfigValue::bytes, RunLimits.DEFAULTS.maxMountBytes()));
        RunSpec spec = EMPTY.withEngine(settings.choice(ENGINE)
                        .map(engine -> WasiEngine.valueOf(engine.toUpperCase(Locale.ROOT)))
                        .orElse(WasiEngine.AUTO))
                .withLimits(limits);
        spec = spec.withImports(HostImports.NONE.withPolicy(settings.choice(IMPORTS_UNKNOWN)
                .map(UnknownImports::ofConfigValue)
                .orElse(UnknownImports.FAIL)));
        Optional<ConfigValue> clock = settings.value(CLOCK);
        if (clock.isPresent()) {
            spec = spec.withClock(fixedClock(clock.get()));
        }
        Optional<ConfigValue> seed = settings.value(RANDOM_SEED);
        if (seed.isPresent()) {
            spec = spec.withRandomSeed(seed.get().number());
        }
        return spec;
    }

    /** A clock fixed at the ISO-8601 instant {@code value} holds, such as {@code 2026-01-01T00:00:00Z}. */
    public static Clock fixedClock(ConfigValue value) {
        return Clock.fixed(value.instant(), ZoneOffset.UTC);
    }

    public RunSpec withArgv0(String value) {
        return new RunSpec(value, args, env, stdin, engine, limits, mounts, clock, randomSeed, console, imports);
    }

    public RunSpec withArgs(List<String> value) {
        return new RunSpec(argv0, value, env, stdin, engine, limits, mounts, clock, randomSeed, console, imports);
    }

    public RunSpec withEnv(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(env);
        changed.put(name, value);
        return new RunSpec(argv0, args, changed, stdin, engine, limits, mounts, clock, randomSeed, console, imports);
    }

    /** What the guest reads as stdin: the console's, when it has one, else the spec's bytes. */
    InputStream stdinStream() {
        return console != null ? console.stdin() : new ByteArrayInputStream(stdin);
    }

    public RunSpec withStdin(byte[] value) {
        return new RunSpec(argv0, args, env, value, engine, limits, mounts, clock, randomSeed, console, imports);
    }

    public RunSpec withEngine(WasiEngine value) {
        return new RunSpec(argv0, args, env, stdin, value, limits, mounts, clock, randomSeed, console, imports);
    }

    public RunSpec withLimits(RunLimits value) {
        return new RunSpec(argv0, args, env, stdin, engine, value, mounts, clock, randomSeed, console, imports);
    }

    /** This spec with one more directory; a later mount at the same guest path replaces the earlier one. */
    public RunSpec withMount(Mount mount) {
        List<Mount> changed = new ArrayList<>(mounts);
        changed.removeIf(existing -> existing.guestPath().equals(mount.guestPath()));
        changed.add(mount);
        return new RunSpec(argv0, args, env, stdin, engine, limits, changed, clock, randomSeed, console, imports);
    }

    /**
     * This spec with the guest reading the command line's own stdin as it asks, instead of the stdin bytes (it may be
     * a terminal or a pipe that never ends, so it cannot be read ahead), and writing to its stdout and stderr as it
     * runs, besides the captured output.
     */
    public RunSpec withHostConsole(HostConsole value) {
        return new RunSpec(argv0, args, env, stdin, engine, limits, mounts, clock, randomSeed, value, imports);
    }

    public RunSpec withClock(Clock value) {
        return new RunSpec(argv0, args, env, stdin, engine, limits, mounts, value, randomSeed, console, imports);
    }

    public RunSpec withRandomSeed(long value) {
        return new RunSpec(argv0, args, env, stdin, engine, limits, mounts, clock, value, console, imports);
    }

    /** This spec with other functions for the guest's imports outside WASI. */
    public RunSpec withImports(HostImports value) {
        return new RunSpec(argv0, args, env, stdin, engine, limits, mounts, clock, randomSeed, console, value);
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
