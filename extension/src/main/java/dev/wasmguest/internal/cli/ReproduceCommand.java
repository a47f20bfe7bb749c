package dev.wasmguest.internal.cli;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.config.Setting;
import dev.wasmguest.internal.load.Engine;
import dev.wasmguest.internal.run.Mount;
import dev.wasmguest.internal.run.RunSpec;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
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
 * The shell command that runs a guest the way a suite ran it, through {@link Main}, outside JUnit: the same module,
 * arguments, environment, fixtures, stdin, engine and timeout. Its class path is this JVM's copies of wasmguest and
 * the libraries it runs on, so the command works wherever the failing build ran.
 */
@API(status = INTERNAL, since = "0.2")
public final class ReproduceCommand {

    /** One class of each library the command line needs at run time; their jars make its class path. */
    private static final List<String> RUNTIME_CLASSES = List.of(
            "dev.wasmguest.internal.cli.Main",
            "com.dylibso.chicory.runtime.Instance",
            "com.dylibso.chicory.wasm.Parser",
            "com.dylibso.chicory.wasi.WasiPreview1",
            "com.dylibso.chicory.log.Logger",
            "com.dylibso.chicory.compiler.MachineFactoryCompiler",
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

    /** The command, one line, for a shell of the Bourne family. */
    public static String of(Path module, RunSpec spec) {
        List<String> words = new ArrayList<>();
        words.add(java());
        words.add("-D" + Setting.TIMEOUT.key() + "=" + spec.limits().timeout());
        if (spec.clock() != null) {
            words.add("-D" + Setting.CLOCK.key() + "=" + spec.clock().instant());
        }
        if (spec.randomSeed() != null) {
            words.add("-D" + Setting.RANDOM_SEED.key() + "=" + spec.randomSeed());
        }
        words.addAll(mainClassOnClassPath());
        if (spec.engine() != Engine.AUTO) {
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

    /**
     * {@code -cp CLASSPATH dev.wasmguest.internal.cli.Main}: what follows {@code java} to run the command line from
     * this JVM's copies of wasmguest and its libraries.
     */
    public static List<String> mainClassOnClassPath() {
        return List.of("-cp", classPath(), Main.class.getName());
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
