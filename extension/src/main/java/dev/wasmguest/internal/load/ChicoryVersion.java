package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apiguardian.api.API;

/**
 * The version of Chicory on the class path. What one version produced (compiled classes, a module's validation) is
 * never trusted by another, so it is part of every engine cache path.
 */
@API(status = INTERNAL, since = "0.1")
public final class ChicoryVersion {

    private static final String VERSION = read();

    private ChicoryVersion() {}

    /** The version as a safe path segment, e.g. {@code 1.7.5}; {@code unknown} without Maven metadata. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = MachineFactoryCompiler.class.getResourceAsStream(
                "/META-INF/maven/com.dylibso.chicory/compiler/pom.properties")) {
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
