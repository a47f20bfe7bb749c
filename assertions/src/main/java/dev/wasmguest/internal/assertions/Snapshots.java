package dev.wasmguest.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Where snapshot files live and whether they may be written: {@code wasmguest.snapshots.dir} (default
 * {@code src/test/snapshots}, relative to the working directory, which is the Maven module under Surefire) and
 * {@code wasmguest.snapshots=update}, which CI ({@code CI=true}) refuses. Both are read like every other setting
 * ({@link Settings}: system properties, {@code junit-platform.properties}, environment).
 */
@API(status = INTERNAL, since = "0.1")
public final class Snapshots {

    public static final String HOW_TO_UPDATE =
            "mvn test -Dwasmguest.snapshots=update (or set WASMGUEST_SNAPSHOTS=update)";
    private static final System.Logger LOG = System.getLogger(Snapshots.class.getName());

    private final Path directory;
    private final boolean update;
    private final boolean ci;

    Snapshots(Path directory, boolean update, boolean ci) {
        this.directory = directory;
        this.update = update;
        this.ci = ci;
    }

    public static Snapshots fromEnvironment() {
        Settings settings = Settings.system();
        return from(
                setting -> setting.choices().isEmpty() ? settings.get(setting.key()) : settings.choice(setting),
                System.getenv());
    }

    /**
     * @param settings a setting's value: {@code wasmguest.snapshots} checked and in lower case
     */
    static Snapshots from(Function<WasmGuestSetting, Optional<String>> settings, Map<String, String> environment) {
        String dir = settings.apply(WasmGuestSetting.SNAPSHOTS_DIR).orElse("src/test/snapshots");
        boolean update = settings.apply(WasmGuestSetting.SNAPSHOTS)
                .filter("update"::equals)
                .isPresent();
        boolean ci = "true".equalsIgnoreCase(environment.getOrDefault("CI", ""));
        return new Snapshots(Path.of(dir), update, ci);
    }

    public Path file(String name, String stream) {
        return directory.resolve(name + "." + stream);
    }

    /**
     * Where wasmguest 0.1 kept the snapshot of {@code name}: in a folder named by the test class's simple name, which
     * two classes of one name in different packages shared. Read when the snapshot is not where it is kept now.
     */
    public Path legacyFile(String name, String stream) {
        int slash = name.indexOf('/');
        if (slash < 0) {
            return file(name, stream);
        }
        String type = name.substring(0, slash);
        return directory.resolve(type.substring(type.lastIndexOf('.') + 1) + name.substring(slash) + "." + stream);
    }

    public Path directory() {
        return directory;
    }

    /** Whether missing and changed snapshots are written instead of failing. */
    public boolean updating() {
        return update && !ci;
    }

    /** Update mode asked for in CI, where it would hide regressions. */
    public boolean updateRefused() {
        return update && ci;
    }

    public static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + file, e);
        }
    }

    /**
     * Writes a snapshot atomically (a temporary file beside it, then a rename), so that a reader, such as a test
     * running in parallel, never sees half of one.
     */
    public static void write(Path file, String content) {
        try {
            Path directory = Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            LOG.log(Level.INFO, "Snapshot written: " + file.toAbsolutePath()); // asked for: no cause for alarm
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + file, e);
        }
    }
}
