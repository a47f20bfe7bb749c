package dev.wasmguest.internal.load;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The modules this version of Endive has already validated, remembered on disk so that a JVM loading a module seen
 * before parses it without validating it again (for a 30 MB module, validation is about two thirds of parsing):
 *
 * <pre>
 * &lt;cache dir&gt;/validated/chicory-&lt;version&gt;/&lt;module sha256&gt;
 * </pre>
 *
 * An empty marker file per module, written only after validation passed. The sha256 is always computed from the
 * bytes being loaded, so a marker never vouches for other bytes. Thread-safe and shared across JVMs: a marker is
 * created atomically and never changes.
 */
final class ValidatedModules {

    private static final System.Logger LOG = System.getLogger(ValidatedModules.class.getName());
    private static final ValidatedModules NONE = new ValidatedModules(Optional.empty());

    private final Optional<Path> directory;

    private ValidatedModules(Optional<Path> directory) {
        this.directory = directory;
    }

    /** Remembers nothing: every module is validated. */
    static ValidatedModules none() {
        return NONE;
    }

    /** Markers under {@code cacheDirectory}. */
    static ValidatedModules in(Path cacheDirectory) {
        return new ValidatedModules(
                Optional.of(cacheDirectory.resolve("validated").resolve(RuntimeVersion.cacheSegment())));
    }

    boolean contains(String sha256) {
        return directory.map(dir -> Files.exists(dir.resolve(sha256))).orElse(false);
    }

    void add(String sha256) {
        if (directory.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(directory.get());
            Files.createFile(directory.get().resolve(sha256));
        } catch (FileAlreadyExistsException e) {
            // another thread or JVM validated it too
        } catch (IOException e) {
            // A marker that cannot be written costs the next JVM a validation, not correctness.
            LOG.log(Level.DEBUG, "Cannot remember that module " + sha256 + " is valid", e);
        }
    }
}
