package dev.wasmguest.internal.junit;

import java.nio.file.Files;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A run's output attached to the report as a file. JUnit Jupiter 5.14 gave this API its lasting form
 * ({@code org.junit.jupiter.api.MediaType}); with an older Jupiter the report entries alone carry the output
 * (excerpts), and this class, the only one that names {@code MediaType}, is never run.
 */
final class ReportFiles {

    /** Whether the JUnit Jupiter in use can publish files the way this class does. */
    static final boolean AVAILABLE = mediaTypeExists();

    private static final System.Logger LOG = System.getLogger(ReportFiles.class.getName());

    private ReportFiles() {}

    static void publish(ExtensionContext context, String name, byte[] bytes) {
        try {
            context.publishFile(name, MediaType.TEXT_PLAIN_UTF_8, path -> Files.write(path, bytes));
        } catch (RuntimeException noOutputDirectory) {
            // Launchers without an output directory refuse files; the report entries carry the excerpts anyway.
            LOG.log(System.Logger.Level.DEBUG, "could not publish " + name, noOutputDirectory);
        }
    }

    private static boolean mediaTypeExists() {
        try {
            Class.forName("org.junit.jupiter.api.MediaType", false, ExtensionContext.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
