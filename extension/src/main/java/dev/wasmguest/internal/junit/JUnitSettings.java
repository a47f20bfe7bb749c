package dev.wasmguest.internal.junit;

import dev.wasmguest.internal.config.Settings;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Settings as a JUnit test sees them: configuration parameters, then system properties, then environment. */
final class JUnitSettings {

    private JUnitSettings() {}

    static Settings of(ExtensionContext context) {
        return Settings.system().withPriority("JUnit configuration parameter", context::getConfigurationParameter);
    }
}
