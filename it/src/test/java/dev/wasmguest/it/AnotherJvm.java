package dev.wasmguest.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A second JVM with this one's Java and class path: how tests show what separate processes see. */
final class AnotherJvm {

    private static final String CACHE_DIR = "wasmguest.cache.dir";

    private AnotherJvm() {}

    /**
     * A process running {@code main} with {@code args}, the system property {@code -D<property>} set, and stderr
     * merged into stdout.
     */
    static ProcessBuilder running(Class<?> main, String property, String... args) {
        return running(main, List.of(property), args);
    }

    /**
     * A process running {@code main} with {@code args}, each {@code -D<property>} set, and stderr merged into stdout.
     * Unless the properties name a cache directory, it uses this JVM's (the build's, under {@code target/}), never
     * the user's own.
     */
    static ProcessBuilder running(Class<?> main, List<String> properties, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
        String ownCache = System.getProperty(CACHE_DIR);
        if (ownCache != null && properties.stream().noneMatch(property -> property.startsWith(CACHE_DIR + "="))) {
            command.add("-D" + CACHE_DIR + "=" + ownCache);
        }
        properties.forEach(property -> command.add("-D" + property));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
