package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apiguardian.api.API;
import run.endive.compiler.MachineFactoryCompiler;

/**
 * The WebAssembly runtime on the class path, Endive, and its version. What one runtime and version produced
 * (compiled classes, a module's validation) is never trusted by another, so both are part of every engine cache
 * path: entries written by Chicory ({@code chicory-1.7.5}) are never read, and are rebuilt once.
 */
@API(status = INTERNAL, since = "0.1")
public final class RuntimeVersion {

    /** The runtime's name, as messages and {@code --version} show it. */
    public static final String NAME = "Endive";

    private static final String VERSION = read();

    private RuntimeVersion() {}

    /** The version as a safe path segment, e.g. {@code 1.0.0}; {@code unknown} without Maven metadata. */
    public static String get() {
        return VERSION;
    }

    /**
     * {@code wasmguest VERSION (Endive VERSION)}: wasmguest's version and the runtime's, as {@code --version} prints
     * them, the wasi-testsuite adapters read them and the suites report records them.
     */
    public static String versionLine() {
        String own = RuntimeVersion.class.getPackage().getImplementationVersion();
        return "wasmguest " + (own == null ? "development" : own) + " (" + NAME + " " + VERSION + ")";
    }

    /** The runtime and version as one cache path segment, e.g. {@code endive-1.0.0}. */
    public static String cacheSegment() {
        return NAME.toLowerCase(java.util.Locale.ROOT) + "-" + VERSION;
    }

    private static String read() {
        try (InputStream in = MachineFactoryCompiler.class.getResourceAsStream(
                "/META-INF/maven/run.endive/compiler/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown").replaceAll("[^A-Za-z0-9._-]", "_");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
