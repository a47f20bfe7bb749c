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
 * Whether the JUnit Jupiter on the test class path is one the extension works with.
 *
 * <p>The extension is built against {@value #MINIMUM} and uses what that version added (publishing files to the
 * report). An older Jupiter would fail much later, with a {@code NoClassDefFoundError} in the middle of a failing
 * test's report; this says at the first use which version was found and which is needed.
 */
@API(status = INTERNAL, since = "0.1")
public final class JUnitCompatibility {

    /** The oldest JUnit Jupiter the extension supports, as {@code major.minor}. */
    public static final String MINIMUM = "5.14";
    /** A type that JUnit Jupiter {@value #MINIMUM} added and the extension uses. */
    private static final String ADDED_IN_MINIMUM = "org.junit.jupiter.api.MediaType";

    private static final Optional<String> PROBLEM = problem(jupiterVersion(), hasTypeOfMinimum());

    private JUnitCompatibility() {
    }

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

    /**
     * The problem with {@code version} (as found; empty when unknown), if any. An unknown or unparseable version is
     * decided by {@code hasNewType}: whether a type {@value #MINIMUM} added is there.
     */
    static Optional<String> problem(Optional<String> version, boolean hasNewType) {
        boolean supported = version.flatMap(JUnitCompatibility::isAtLeastMinimum).orElse(hasNewType);
        if (supported) {
            return Optional.empty();
        }
        return Optional.of("wasmguest needs JUnit Jupiter " + MINIMUM + " or newer (6.x works too), but the test"
                + " class path has junit-jupiter-api " + version.orElse("of an unknown version, without "
                + ADDED_IN_MINIMUM) + location() + ". Upgrade JUnit: import org.junit:junit-bom " + MINIMUM
                + ".0 or newer (Maven: in dependencyManagement, before any other BOM that manages JUnit; Gradle:"
                + " testImplementation(platform(\"org.junit:junit-bom:" + MINIMUM + ".0\"))).");
    }

    private static Optional<Boolean> isAtLeastMinimum(String version) {
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            String[] minimum = MINIMUM.split("\\.");
            int minimumMajor = Integer.parseInt(minimum[0]);
            return Optional.of(major > minimumMajor || major == minimumMajor && minor >= Integer.parseInt(minimum[1]));
        } catch (NumberFormatException unparseable) {
            return Optional.empty();
        }
    }

    /** From the module descriptor on the module path, else from the jar's manifest. */
    private static Optional<String> jupiterVersion() {
        Module module = ExtensionContext.class.getModule();
        Optional<String> fromModule = module.isNamed()
                ? Optional.ofNullable(module.getDescriptor()).flatMap(ModuleDescriptor::rawVersion)
                : Optional.empty();
        return fromModule.or(() -> Optional.ofNullable(ExtensionContext.class.getPackage().getImplementationVersion()));
    }

    private static boolean hasTypeOfMinimum() {
        try {
            Class.forName(ADDED_IN_MINIMUM, false, ExtensionContext.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String location() {
        CodeSource source = ExtensionContext.class.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        return url == null ? "" : " (" + url + ")";
    }
}
