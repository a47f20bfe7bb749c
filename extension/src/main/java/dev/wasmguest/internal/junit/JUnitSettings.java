package dev.wasmguest.internal.junit;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.config.Settings;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Settings as a JUnit test sees them: JUnit's configuration parameters first, then the sources every entry point
 * reads (system properties, {@code junit-platform.properties}, environment). JUnit's own lookup may cover the
 * middle two already, but not every launcher enables that (the JUnit Platform test kit does not by default).
 */
@API(status = INTERNAL, since = "0.1")
public final class JUnitSettings {

    private JUnitSettings() {}

    public static Settings of(ExtensionContext context) {
        return Settings.system().withPriority("JUnit configuration parameter", context::getConfigurationParameter);
    }
}
