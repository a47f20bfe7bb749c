package dev.wasmguest.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The {@code @API} status of every public top-level type in a directory of compiled classes. {@code @API} is
 * kept in class files only, not at run time, so it is read with ASM.
 */
public final class ApiMarkers {

    /** What {@link #statuses} gives a public type without {@code @API}. */
    public static final String NONE = "(none)";

    private static final String API = "Lorg/apiguardian/api/API;";

    private ApiMarkers() {}

    /** Binary class name to status name ({@code STABLE}, {@code INTERNAL} ...) or {@link #NONE}, sorted by name. */
    public static Map<String, String> statuses(Path classes) {
        Map<String, String> statuses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(file -> file.toString().endsWith(".class"))
                    .filter(file -> !file.getFileName().toString().contains("$"))
                    .filter(file -> !file.getFileName().toString().equals("module-info.class"))
                    .forEach(file -> read(file, statuses));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return statuses;
    }

    /**
     * What is wrong with the markers under {@code classes}, one line per type: a public type without {@code @API},
     * an internal one (in a package with {@code .internal.} in its name) not marked {@code INTERNAL}, or an API
     * one marked {@code INTERNAL}.
     */
    public static List<String> problems(Path classes) {
        List<String> problems = new ArrayList<>();
        statuses(classes).forEach((type, status) -> {
            boolean internal = type.contains(".internal.");
            if (status.equals(NONE)) {
                problems.add(type + ": public, without @API");
            } else if (internal != status.equals("INTERNAL")) {
                problems.add(type + ": @API(status = " + status + ") in " + (internal ? "an internal" : "an API")
                        + " package");
            }
        });
        return problems;
    }

    private static void read(Path file, Map<String, String> statuses) {
        try {
            new ClassReader(Files.readAllBytes(file)).accept(new StatusReader(statuses), ClassReader.SKIP_CODE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class StatusReader extends ClassVisitor {
        private final Map<String, String> statuses;
        private String name;

        StatusReader(Map<String, String> statuses) {
            super(Opcodes.ASM9);
            this.statuses = statuses;
        }

        @Override
        public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaces) {
            if ((access & Opcodes.ACC_PUBLIC) != 0) {
                this.name = name.replace('/', '.');
                statuses.put(this.name, NONE);
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            if (name == null || !API.equals(descriptor)) {
                return null;
            }
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visitEnum(String attribute, String enumDescriptor, String value) {
                    if ("status".equals(attribute)) {
                        statuses.put(name, value);
                    }
                }
            };
        }
    }
}
