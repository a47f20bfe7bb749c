package dev.wasmguest.internal.junit;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.security.CodeSource;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Whether the JUnit Jupiter on the test class path is one the extension works with: {@value #MINIMUM} or newer.
 *
 * <p>The extension is built against a newer Jupiter and uses, of what came after {@value #MINIMUM}, only the
 * publishing of files to reports, which it skips where it is missing ({@link ReportFiles}). An older Jupiter lacks
 * more; rather than fail later with a {@code NoClassDefFoundError}, the extension says at its first use which
 * version it found and which it needs. A Jupiter whose version cannot be read (repackaged) is given the benefit of
 * the doubt.
 */
@API(status = INTERNAL, since = "0.1")
public final class JUnitCompatibility {

    /** The oldest JUnit Jupiter the extension supports, as {@code major.minor}. */
    public static final String MINIMUM = "5.10";

    private static final Optional<String> PROBLEM = problem(jupiterVersion());

    private JUnitCompatibility() {}

    /**
     * Fails when the JUnit Jupiter in use is older than {@value #MINIMUM}.
     *
     * @throws ExtensionConfigurationException naming the version found and the version needed
     */
    public static void requireSupported() {
        PROBLEM.ifPresent(problem -> {
            throw new ExtensionConfigurationException(problem);
        });
    }

    /** The problem with {@code version} (as found; empty when unknown), if any. */
    static Optional<String> problem(Optional<String> version) {
        if (version.flatMap(JUnitCompatibility::isAtLeastMinimum).orElse(true)) {
            return Optional.empty();
        }
        return Optional.of("wasmguest needs JUnit Jupiter " + MINIMUM + " or newer (6.x works too), but the test"
                + " class path has junit-jupiter-api " + version.get() + location() + ". Upgrade JUnit: import"
                + " org.junit:junit-bom " + MINIMUM + ".0 or newer (Maven: in dependencyManagement, before any other"
                + " BOM that manages JUnit; Gradle: testImplementation(platform(\"org.junit:junit-bom:" + MINIMUM
                + ".0\"))).");
    }

    /** Empty when {@code version} does not start with {@code major.minor}. */
    private static Optional<Boolean> isAtLeastMinimum(String version) {
        String[] parts = version.split("[.-]");
        String[] minimum = MINIMUM.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = Integer.parseInt(parts[1]);
            int minimumMajor = Integer.parseInt(minimum[0]);
            return Optional.of(major > minimumMajor || major == minimumMajor && minor >= Integer.parseInt(minimum[1]));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException unparseable) {
            return Optional.empty();
        }
    }

    /** From the module descriptor on the module path, else from the jar's manifest. */
    private static Optional<String> jupiterVersion() {
        Module module = ExtensionContext.class.getModule();
        Optional<String> fromModule = module.isNamed()
                ? Optional.ofNullable(module.getDescriptor()).flatMap(ModuleDescriptor::rawVersion)
                : Optional.empty();
        return fromModule.or(
                () -> Optional.ofNullable(ExtensionContext.class.getPackage().getImplementationVersion()));
    }

    private static String location() {
        CodeSource source = ExtensionContext.class.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        return url == null ? "" : " (" + url + ")";
    }
}
