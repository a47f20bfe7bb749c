package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.UnknownImports;
import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.resolve.ResolutionSettings;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The shell command that runs a guest the way a suite ran it, through the command line ({@link #MAIN}), outside JUnit: the same module,
 * arguments, environment, fixtures, stdin, engine, timeout and every other setting that shaped the run (limits,
 * clock, random seed, unknown imports), with the same cache directory, so it starts as warm as the case did. Its
 * class path is this JVM's copies of wasmguest and the libraries it runs on, so the command works wherever the
 * failing build ran.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReproduceCommand {

    /**
     * The command line's main class, by name: the command line is a layer above the core, which never imports it
     * ({@code CommandLineJarTest} runs what this class writes).
     */
    public static final String MAIN = "dev.wasmguest.internal.cli.Main";

    /** One class of each library the command line needs at run time; their jars make its class path. */
    private static final List<String> RUNTIME_CLASSES = List.of(
            MAIN,
            "run.endive.runtime.Instance",
            "run.endive.wasm.Parser",
            "run.endive.wasi.WasiPreview1",
            "run.endive.log.Logger",
            "run.endive.compiler.MachineFactoryCompiler",
            "org.objectweb.asm.ClassVisitor",
            "org.objectweb.asm.commons.GeneratorAdapter",
            "org.objectweb.asm.tree.ClassNode",
            "org.objectweb.asm.tree.analysis.Analyzer",
            "org.objectweb.asm.util.CheckClassAdapter",
            "com.google.common.jimfs.Jimfs",
            "com.google.common.collect.ImmutableList",
            "com.google.common.util.concurrent.internal.InternalFutureFailureAccess");

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ReproduceCommand() {}

    /**
     * The command, one line, for a shell of the Bourne family.
     *
     * @param settings the configuration the run was made with, for its cache
     */
    public static String of(Path module, RunSpec spec, Settings settings) {
        List<String> words = new ArrayList<>();
        words.add(java());
        properties(spec, settings).forEach((setting, value) -> words.add("-D" + setting.key() + "=" + value));
        words.addAll(mainClassOnClassPath());
        words.add("--timeout");
        words.add(spec.limits().timeout().toString());
        if (spec.engine() != WasiEngine.AUTO) {
            words.add("--engine");
            words.add(spec.engine().name().toLowerCase(Locale.ROOT));
        }
        for (Map.Entry<String, String> variable : spec.env().entrySet()) {
            words.add("--env");
            words.add(variable.getKey() + "=" + variable.getValue());
        }
        for (Mount mount : spec.mounts()) {
            words.add(mount.writeBack() ? "--dir" : "--fixture");
            words.add(mount.hostPath() + "::" + mount.guestPath());
        }
        words.add("--");
        words.add(module.toString());
        words.addAll(spec.args());
        String command = words.stream().map(ReproduceCommand::quote).collect(Collectors.joining(" "));
        byte[] stdin = spec.stdin();
        // The case's stdin, then end of file: a guest that reads more does not wait for the terminal.
        return stdin.length == 0
                ? command + " < /dev/null"
                : "printf '%s' " + quote(new String(stdin, StandardCharsets.UTF_8)) + " | " + command;
    }

    /** The settings besides the timeout that shaped the run, where they differ from the defaults. */
    private static Map<WasmGuestSetting, String> properties(RunSpec spec, Settings settings) {
        Map<WasmGuestSetting, String> properties = new EnumMap<>(WasmGuestSetting.class);
        properties.put(
                WasmGuestSetting.CACHE_DIR,
                ResolutionSettings.cacheDirectory(settings).toAbsolutePath().toString());
        settings.get(WasmGuestSetting.CACHE_COMPILED.key())
                .ifPresent(value -> properties.put(WasmGuestSetting.CACHE_COMPILED, value));
        RunLimits limits = spec.limits();
        RunLimits defaults = RunLimits.DEFAULTS;
        if (!limits.prepareTimeout().equals(defaults.prepareTimeout())) {
            properties.put(
                    WasmGuestSetting.PREPARE_TIMEOUT, limits.prepareTimeout().toString());
        }
        if (limits.maxMemoryBytes() != defaults.maxMemoryBytes()) {
            properties.put(WasmGuestSetting.MAX_MEMORY, Long.toString(limits.maxMemoryBytes()));
        }
        if (limits.maxOutputBytes() != defaults.maxOutputBytes()) {
            properties.put(WasmGuestSetting.MAX_OUTPUT, Long.toString(limits.maxOutputBytes()));
        }
        if (limits.maxMountBytes() != defaults.maxMountBytes()) {
            properties.put(WasmGuestSetting.MOUNT_MAX_BYTES, Long.toString(limits.maxMountBytes()));
        }
        if (spec.imports().policy() != UnknownImports.FAIL) {
            properties.put(
                    WasmGuestSetting.IMPORTS_UNKNOWN, spec.imports().policy().configValue());
        }
        if (spec.clock() != null) {
            properties.put(WasmGuestSetting.CLOCK, spec.clock().instant().toString());
        }
        if (spec.randomSeed() != null) {
            properties.put(WasmGuestSetting.RANDOM_SEED, spec.randomSeed().toString());
        }
        return properties;
    }

    /**
     * {@code -cp CLASSPATH dev.wasmguest.internal.cli.Main}: what follows {@code java} to run the command line from
     * this JVM's copies of wasmguest and its libraries.
     */
    public static List<String> mainClassOnClassPath() {
        return List.of("-cp", classPath(), MAIN);
    }

    /** This JVM's {@code java} executable. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        ClassLoader loader = ReproduceCommand.class.getClassLoader();
        for (String name : RUNTIME_CLASSES) {
            locationOf(name, loader).ifPresent(entries::add);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Optional<String> locationOf(String className, ClassLoader loader) {
        try {
            CodeSource source = Class.forName(className, false, loader)
                    .getProtectionDomain()
                    .getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            return Optional.of(Path.of(source.getLocation().toURI()).toString());
        } catch (ClassNotFoundException | URISyntaxException | IllegalArgumentException e) {
            // a library of another version without this class, or a location that is no file: leave it out
            return Optional.empty();
        }
    }

    private static String quote(String word) {
        return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
