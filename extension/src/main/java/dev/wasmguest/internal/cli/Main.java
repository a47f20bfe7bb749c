package dev.wasmguest.internal.cli;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.config.ConfigValue;
import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.load.ModuleLoader;
import dev.wasmguest.internal.load.RuntimeVersion;
import dev.wasmguest.internal.run.GuestRunner;
import dev.wasmguest.internal.run.HostConsole;
import dev.wasmguest.internal.run.Mount;
import dev.wasmguest.internal.run.RunSpec;
import dev.wasmguest.internal.source.FileSource;
import dev.wasmguest.internal.source.ModuleSource;
import dev.wasmguest.internal.suite.ShardReports;
import dev.wasmguest.internal.util.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * {@code java -jar wasmguest-cli.jar [options] MODULE [ARGS...]}: runs one WASI command and exits as
 * {@code wasmtime run} does (see {@link CommandLine#USAGE}). Settings ({@code wasmguest.timeout},
 * {@code wasmguest.cache.dir}, ...) come from system properties and environment variables. The process's stdout and
 * stderr are the guest's, written as the guest writes them; wasmguest's own messages follow the guest's stderr, and
 * its log lines appear only with {@code --verbose}.
 */
@API(status = INTERNAL, since = "0.1")
public final class Main {

    /** Exit code of a trapped guest: wasmtime's on Unix, where a trap aborts the process. */
    public static final int TRAPPED = 134;
    /** Exit code of a guest stopped at its timeout, as {@code timeout(1)} has it. */
    public static final int TIMED_OUT = 124;
    /** Exit code when the module cannot be loaded or the settings are malformed, as wasmtime's errors. */
    public static final int ERROR = 1;
    /** Exit code of a malformed command line. */
    public static final int USAGE = 2;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Consumer<Boolean> logging;

    /**
     * @param logging told whether {@code --verbose} was given, before anything is logged
     */
    Main(InputStream in, PrintStream out, PrintStream err, Consumer<Boolean> logging) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.logging = logging;
    }

    public static void main(String[] args) {
        int code = new Main(System.in, System.out, System.err, CliLogging::configure).run(Arrays.asList(args));
        System.exit(code);
    }

    /** Runs the command line {@code words}; returns the process's exit code. */
    int run(List<String> words) {
        CommandLine command;
        try {
            command = CommandLine.parse(words);
        } catch (IllegalArgumentException e) {
            err.println("wasmguest: " + e.getMessage());
            err.println(CommandLine.USAGE);
            return USAGE;
        }
        if (command.help()) {
            out.println(CommandLine.USAGE);
            return 0;
        }
        if (command.version()) {
            out.println(RuntimeVersion.versionLine());
            return 0;
        }
        if (!command.mergeReports().isEmpty()) {
            return mergeReports(command.mergeReports());
        }
        logging.accept(command.verbose());
        try {
            Settings settings = Settings.system();
            ModuleSource source = sourceOf(command.module().orElseThrow());
            WasiResult result = GuestRunner.of(
                            ModuleLoader.fromSettings(settings).handle(source, Optional.empty()),
                            spec(command, settings))
                    .run();
            return report(result);
        } catch (GuestResolutionException | IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            return ERROR;
        }
    }

    /** Writes the whole run's suites report, merged from its shards', to the first of {@code files}. */
    private int mergeReports(List<String> files) {
        Path target = Path.of(files.get(0));
        try {
            String merged = ShardReports.merge(
                    files.subList(1, files.size()).stream().map(Path::of).toList());
            AtomicFiles.write(target, merged.getBytes(StandardCharsets.UTF_8));
            out.println("wasmguest: merged " + (files.size() - 1) + " shard reports into " + target);
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("Error: " + e.getMessage());
            return ERROR;
        } catch (IOException e) {
            err.println("Error: cannot write " + target + ": " + e);
            return ERROR;
        }
    }

    private RunSpec spec(CommandLine command, Settings settings) {
        RunSpec spec = RunSpec.defaults(settings).withArgs(command.args());
        if (command.engine().isPresent()) {
            spec = spec.withEngine(engine(command.engine().get()));
        }
        if (command.timeout().isPresent()) {
            spec = spec.withLimits(
                    spec.limits().withTimeout(timeout(command.timeout().get())));
        }
        for (Map.Entry<String, String> variable : command.env().entrySet()) {
            spec = spec.withEnv(variable.getKey(), variable.getValue());
        }
        for (Mount mount : command.mounts()) {
            spec = spec.withMount(mount);
        }
        // Read as the guest asks, as wasmtime does: a terminal or a pipe that stays open blocks only a guest that
        // reads. Written as the guest writes, so a long run shows its progress and a log shows where a guest hung.
        return spec.withHostConsole(new HostConsole(in, out, err));
    }

    /** {@code --timeout}'s value, read by the rules every duration setting follows. */
    private static Duration timeout(String text) {
        return new ConfigValue("--timeout", text, "command line").positiveDuration();
    }

    private static WasiEngine engine(String name) {
        try {
            return WasiEngine.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--engine takes auto, compiler or interpreter, got \"" + name + "\"");
        }
    }

    private static ModuleSource sourceOf(String module) {
        return module.contains("://") ? ModuleSource.ofUrl(module) : new FileSource(Path.of(module));
    }

    private int report(WasiResult result) {
        out.flush();
        if (result.stdoutTruncated() || result.stderrTruncated()) {
            err.println("wasmguest: output beyond wasmguest.output.max was dropped (" + result.stdoutDroppedBytes()
                    + " bytes of stdout, " + result.stderrDroppedBytes() + " of stderr)");
        }
        String module = result.source();
        for (String problem : result.writeBackFailures()) {
            err.println("Error: " + module + ": not brought back to the host: " + problem);
        }
        return switch (result.outcome()) {
            case EXITED -> result.exitCode() == 0 && !result.writeBackFailures().isEmpty() ? ERROR : result.exitCode();
            case RETURNED -> 0; // a reactor's call: the command line runs commands only
            case TRAPPED -> {
                // A Rust panic's message is not repeated: the guest's stderr reached the console and showed it.
                err.println("Error: " + module + " " + result.describeOutcome());
                yield TRAPPED;
            }
            case TIMED_OUT -> {
                err.println("Error: " + module + " " + result.describeOutcome()
                        + "; give it longer with --timeout (e.g. --timeout PT5M) if it needs more time");
                yield TIMED_OUT;
            }
        };
    }
}
