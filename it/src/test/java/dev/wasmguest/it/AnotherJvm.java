package dev.wasmguest.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A second JVM with this one's Java and class path: how tests show what separate processes see. */
final class AnotherJvm {

    private AnotherJvm() {}

    /**
     * A process running {@code main} with {@code args}, the system property {@code -D<property>} set, and stderr
     * merged into stdout.
     */
    static ProcessBuilder running(Class<?> main, String property, String... args) {
        return running(main, List.of(property), args);
    }

    /** A process running {@code main} with {@code args}, each {@code -D<property>} set, and stderr merged into stdout. */
    static ProcessBuilder running(Class<?> main, List<String> properties, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
        properties.forEach(property -> command.add("-D" + property));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
