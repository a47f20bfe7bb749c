package dev.wasmguest.internal.cli;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.run.Mount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The arguments of the command line, parsed: options, then the module, then the guest's arguments, as
 * {@code wasmtime run} takes them.
 *
 * @param mounts {@code --dir HOST[::GUEST[:ro]]}: host directories the guest may read and write (or only read);
 *     {@code --fixture HOST::GUEST}: private copies of host directories; in their order
 * @param engine {@code --engine}: auto, compiler or interpreter, when given
 * @param timeout {@code --timeout}: the run's timeout as an ISO-8601 duration, overriding {@code wasmguest.timeout}
 * @param verbose {@code --verbose}: wasmguest's own progress and log lines on stderr, beside the guest's
 * @param module the module's path or URL; empty with {@code --version}, {@code --help} or {@code --merge-reports}
 * @param mergeReports {@code --merge-reports OUT SHARD...}: the report file to write, then the shards' reports
 */
@API(status = INTERNAL, since = "0.1")
public record CommandLine(
        Map<String, String> env,
        List<Mount> mounts,
        Optional<String> engine,
        Optional<String> timeout,
        boolean verbose,
        Optional<String> module,
        List<String> args,
        boolean version,
        boolean help,
        List<String> mergeReports) {

    public static final String USAGE = String.join(
            "\n",
            "usage: java -jar wasmguest-cli.jar [options] [--] MODULE [ARGS...]",
            "Runs a WASI command as `wasmtime run` would: the exit code is the guest's, 134 when it traps,",
            "124 when it times out (--timeout), 1 when the module cannot be loaded, 2 for a usage error.",
            "  --env NAME=VALUE      an environment variable of the guest (nothing is inherited)",
            "  --dir HOST[::GUEST]   lets the guest read and write the host directory HOST, seen as GUEST (:ro: only read)",
            "  --fixture HOST::GUEST a private copy of HOST, seen as GUEST; HOST never changes",
            "  --engine NAME         auto (default), compiler or interpreter",
            "  --timeout DURATION    the run's timeout, ISO-8601 (PT60S, the default, or wasmguest.timeout)",
            "  --verbose             also prints wasmguest's own progress (downloads, translation) on stderr",
            "  --version             prints the name and version",
            "  --merge-reports OUT SHARD.json...  writes to OUT the suites report of the whole run whose shards",
            "                        (wasmguest.suites.shard=k/n) wrote SHARD.json...; runs no module",
            "  -h, --help            prints this text",
            "MODULE is a path or an http(s) URL. The guest reads this process's stdin; its stdout and stderr are this",
            "process's, written as the guest writes them (up to wasmguest.output.max each). Other settings come from",
            "system properties (-Dwasmguest.cache.dir=...) and environment variables (WASMGUEST_CACHE_DIR=...).");

    public CommandLine {
        env = Map.copyOf(env);
        mounts = List.copyOf(mounts);
        args = List.copyOf(args);
        mergeReports = List.copyOf(mergeReports);
    }

    /**
     * @throws IllegalArgumentException saying what is wrong, for a usage message
     */
    public static CommandLine parse(List<String> words) {
        Map<String, String> env = new LinkedHashMap<>();
        List<Mount> mounts = new ArrayList<>();
        Optional<String> engine = Optional.empty();
        Optional<String> timeout = Optional.empty();
        boolean verbose = false;
        int index = 0;
        while (index < words.size()) {
            String word = words.get(index);
            if (word.equals("--")) {
                index++;
                break;
            }
            if (!word.startsWith("-")) {
                break;
            }
            switch (word) {
                case "--version" -> {
                    return new CommandLine(
                            env, mounts, engine, timeout, verbose, Optional.empty(), List.of(), true, false, List.of());
                }
                case "-h", "--help" -> {
                    return new CommandLine(
                            env, mounts, engine, timeout, verbose, Optional.empty(), List.of(), false, true, List.of());
                }
                case "--merge-reports" -> {
                    List<String> files = words.subList(index + 1, words.size());
                    if (files.size() < 2) {
                        throw new IllegalArgumentException(
                                "--merge-reports needs the file to write and the shards'" + " reports");
                    }
                    return new CommandLine(
                            env, mounts, engine, timeout, verbose, Optional.empty(), List.of(), false, false, files);
                }
                case "--env" -> {
                    String variable = value(words, ++index, word);
                    int equals = variable.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("--env takes NAME=VALUE, got \"" + variable + "\"");
                    }
                    env.put(variable.substring(0, equals), variable.substring(equals + 1));
                }
                case "--dir" -> mounts.add(Mount.parseCommandLine(value(words, ++index, word), false));
                case "--fixture" -> mounts.add(Mount.parseCommandLine(value(words, ++index, word), true));
                case "--engine" -> engine = Optional.of(value(words, ++index, word));
                case "--timeout" -> timeout = Optional.of(value(words, ++index, word));
                case "--verbose" -> verbose = true;
                default -> throw new IllegalArgumentException("unknown option " + word);
            }
            index++;
        }
        if (index >= words.size()) {
            throw new IllegalArgumentException("no module given");
        }
        return new CommandLine(
                env,
                mounts,
                engine,
                timeout,
                verbose,
                Optional.of(words.get(index)),
                new ArrayList<>(words.subList(index + 1, words.size())),
                false,
                false,
                List.of());
    }

    private static String value(List<String> words, int index, String option) {
        if (index >= words.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return words.get(index);
    }
}
