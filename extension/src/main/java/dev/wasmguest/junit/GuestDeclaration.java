package dev.wasmguest.junit;

import dev.wasmguest.internal.config.ConfigValue;
import dev.wasmguest.internal.config.Placeholders;
import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.junit.JUnitSettings;
import dev.wasmguest.internal.run.Mount;
import dev.wasmguest.internal.run.RunLimits;
import dev.wasmguest.internal.run.RunSpec;
import dev.wasmguest.internal.source.FileSource;
import dev.wasmguest.internal.source.ModuleSource;
import dev.wasmguest.internal.source.ResourceSource;
import dev.wasmguest.internal.util.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A {@link WasmGuest} annotation with its placeholders expanded and its values checked. */
record GuestDeclaration(ModuleSource source, Optional<String> sha256, RunSpec spec, Settings settings) {

    /**
     * @throws ExtensionConfigurationException naming the annotation's location when a value is missing,
     *         ambiguous or malformed, or a placeholder has no value
     */
    static GuestDeclaration of(NearestGuest nearest, ExtensionContext context) {
        Settings settings = JUnitSettings.of(context);
        try {
            return parse(nearest.annotation(), settings, context);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@WasmGuest on " + nearest.location() + ": " + e.getMessage(), e);
        }
    }

    private static GuestDeclaration parse(WasmGuest guest, Settings settings, ExtensionContext context) {
        ModuleSource source = source(guest, settings, context);
        Optional<String> sha256 = Optional.of(expand(guest.sha256(), settings))
                .filter(s -> !s.isEmpty())
                .map(Sha256::normalize);
        RunSpec spec = limits(guest, settings, RunSpec.defaults(settings))
                .withArgv0(expand(guest.argv0(), settings))
                .withArgs(expandAll(guest.args(), settings))
                .withStdin(expand(guest.stdin(), settings).getBytes(StandardCharsets.UTF_8));
        for (String variable : expandAll(guest.env(), settings)) {
            int equals = variable.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("env entry \"" + variable + "\" is not of the form NAME=value");
            }
            spec = spec.withEnv(variable.substring(0, equals), variable.substring(equals + 1));
        }
        for (String dir : expandAll(guest.dirs(), settings)) {
            spec = spec.withMount(Mount.parse(dir));
        }
        return new GuestDeclaration(source, sha256, spec, settings);
    }

    private static RunSpec limits(WasmGuest guest, Settings settings, RunSpec spec) {
        RunLimits limits = spec.limits();
        String timeout = expand(guest.timeout(), settings);
        if (!timeout.isEmpty()) {
            limits = limits.withTimeout(attribute("timeout", timeout).positiveDuration());
        }
        String maxMemory = expand(guest.maxMemory(), settings);
        if (!maxMemory.isEmpty()) {
            limits = limits.withMaxMemoryBytes(attribute("maxMemory", maxMemory).bytes());
        }
        spec = spec.withLimits(limits);
        String clock = expand(guest.clock(), settings);
        if (!clock.isEmpty()) {
            spec = spec.withClock(RunSpec.fixedClock(attribute("clock", clock)));
        }
        String seed = expand(guest.randomSeed(), settings);
        if (!seed.isEmpty()) {
            spec = spec.withRandomSeed(attribute("randomSeed", seed).number());
        }
        return spec;
    }

    /** An attribute's value, read by the rules configuration keys follow. */
    private static ConfigValue attribute(String name, String value) {
        return new ConfigValue("@WasmGuest(" + name + ")", value, "");
    }

    private static ModuleSource source(WasmGuest guest, Settings settings, ExtensionContext context) {
        String url = expand(guest.url(), settings);
        String resource = expand(guest.resource(), settings);
        String file = expand(guest.file(), settings);
        int given = (url.isEmpty() ? 0 : 1) + (resource.isEmpty() ? 0 : 1) + (file.isEmpty() ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("set exactly one of url, resource and file (" + given + " set)");
        }
        if (!url.isEmpty()) {
            return ModuleSource.ofUrl(url);
        }
        if (!resource.isEmpty()) {
            ClassLoader loader = context.getTestClass()
                    .map(Class::getClassLoader)
                    .orElseGet(() -> Thread.currentThread().getContextClassLoader());
            return new ResourceSource(resource, loader);
        }
        return new FileSource(Path.of(file));
    }

    private static String expand(String value, Settings settings) {
        return Placeholders.expand(value, settings);
    }

    private static List<String> expandAll(String[] values, Settings settings) {
        List<String> expanded = new ArrayList<>(values.length);
        for (String value : values) {
            expanded.add(expand(value, settings));
        }
        return expanded;
    }
}
