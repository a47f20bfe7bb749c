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
 * <p>Decided by what the class path can do, never by a version string: a jar's version may be another artifact's
 * (JUnit's console-standalone jar carries the Platform's version, 1.x, for all of Jupiter) or missing (repackaged).
 * Jupiter {@value #MINIMUM} introduced {@value #INTRODUCED_IN_MINIMUM}; a Jupiter without it is older. Of what came
 * later, the extension uses only the publishing of files to reports, which it skips where it is missing
 * ({@link ReportFiles}). Rather than fail later with a {@code NoClassDefFoundError}, the extension says at its first
 * use what it found and what it needs.
 */
@API(status = INTERNAL, since = "0.1")
public final class JUnitCompatibility {

    /** The oldest JUnit Jupiter the extension supports, as {@code major.minor}. */
    public static final String MINIMUM = "5.10";

    /** A type that JUnit Jupiter {@value #MINIMUM} introduced. */
    static final String INTRODUCED_IN_MINIMUM = "org.junit.jupiter.api.extension.AnnotatedElementContext";

    private static final Optional<String> PROBLEM =
            problem(hasType(INTRODUCED_IN_MINIMUM), jupiterVersion(), location());

    private JUnitCompatibility() {}

    /**
     * Fails when the JUnit Jupiter in use is older than {@value #MINIMUM}.
     *
     * @throws ExtensionConfigurationException naming what was found and the version needed
     */
    public static void requireSupported() {
        PROBLEM.ifPresent(problem -> {
            throw new ExtensionConfigurationException(problem);
        });
    }

    /**
     * The problem, if any, with a Jupiter that has or lacks {@value #INTRODUCED_IN_MINIMUM}.
     *
     * @param version the version its jar states, only to name it in the message
     * @param location where it was loaded from, only to name it in the message
     */
    static Optional<String> problem(boolean hasMinimumsType, Optional<String> version, String location) {
        if (hasMinimumsType) {
            return Optional.empty();
        }
        return Optional.of("wasmguest needs JUnit Jupiter " + MINIMUM + " or newer (6.x works too), but the test"
                + " class path has an older junit-jupiter-api"
                + version.map(v -> " (" + v + ")").orElse("")
                + location + ": it lacks " + INTRODUCED_IN_MINIMUM.substring(INTRODUCED_IN_MINIMUM.lastIndexOf('.') + 1)
                + ", which " + MINIMUM + " introduced. Upgrade JUnit: import org.junit:junit-bom " + MINIMUM
                + ".0 or newer (Maven: in dependencyManagement, before any other BOM that manages JUnit; Gradle:"
                + " testImplementation(platform(\"org.junit:junit-bom:" + MINIMUM + ".0\"))).");
    }

    private static boolean hasType(String name) {
        try {
            Class.forName(name, false, ExtensionContext.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError missing) {
            return false;
        }
    }

    /** From the module descriptor on the module path, else from the jar's manifest; for messages only. */
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
        return url == null ? "" : " at " + url;
    }
}
