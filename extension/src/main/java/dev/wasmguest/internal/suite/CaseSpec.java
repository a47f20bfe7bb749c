package dev.wasmguest.internal.suite;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One case of a wasi-testsuite-style directory: {@code name.wasm} and its optional {@code name.json}, in either of
 * the upstream formats (see {@link SpecReader}). Absent keys take the upstream defaults: no arguments, an empty
 * environment, no input, exit code 0, streams unchecked, no directories.
 *
 * @param dirs legacy {@code "dirs"}: each preopened under its own name
 * @param root current {@code "root"}: preopened as the guest's {@code /}
 * @param stdin what the guest reads from stdin before end of file: the payloads of the spec's {@code write}s
 * @param stdout the text stdout must start with: the legacy key, or the payloads of the {@code read}s of stdout
 * @param wasiFunctions the upstream {@code wasi_functions} key: the WASI functions the case exercises, for reports
 * @param unsupported why the case cannot run here (a proposal or world wasmguest lacks): it is skipped, saying so
 */
@API(status = INTERNAL, since = "0.1")
public record CaseSpec(
        String name,
        Path module,
        Optional<Path> specFile,
        List<String> args,
        Map<String, String> env,
        int exitCode,
        Optional<String> stdout,
        Optional<String> stderr,
        List<String> dirs,
        Optional<String> root,
        String stdin,
        List<String> wasiFunctions,
        Optional<String> unsupported) {

    public CaseSpec {
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env)); // in the spec's order, as the guest sees it
        dirs = List.copyOf(dirs);
        wasiFunctions = List.copyOf(wasiFunctions);
    }

    /**
     * @throws IllegalArgumentException naming the spec file and key when the spec is malformed or has a key or
     *     operation this reader does not know
     */
    public static CaseSpec read(Path module) {
        String name = caseName(module);
        Path specFile = module.resolveSibling(name + ".json");
        if (!Files.exists(specFile)) {
            return SpecReader.defaults(name, module);
        }
        try {
            return SpecReader.read(
                    name, module, specFile, Json.parse(Files.readString(specFile, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec " + specFile, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("spec " + specFile + ": " + e.getMessage(), e);
        }
    }

    /** The name of the case whose module is {@code module}: its file name without {@code .wasm}. */
    public static String caseName(Path module) {
        String file = module.getFileName().toString();
        return file.endsWith(".wasm") ? file.substring(0, file.length() - ".wasm".length()) : file;
    }
}
