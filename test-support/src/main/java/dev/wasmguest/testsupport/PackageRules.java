package dev.wasmguest.testsupport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The architecture rules of every module, read from the module's own {@code package-info.java} files, so that what a
 * package-info says is what the build holds:
 *
 * <ul>
 *   <li>every package of the module has a package-info whose {@code May use:} sentence names, as {@code {@code x}},
 *       the packages of this project it may depend on: {@code util} is {@code dev.wasmguest.internal.util}, a name
 *       with a dot is below {@code dev.wasmguest} ({@code suites.internal}), and a name that starts with
 *       {@code dev.wasmguest} is that package ({@code dev.wasmguest} is the public package itself). A dependency on any other package of the project fails, naming both classes;
 *   <li>no cycle between packages, where {@code dev.wasmguest} counts as two: its model (the types that use nothing
 *       internal, such as the outcome of a run) and its facades (the types that call the core). The core may use the
 *       model and a facade may call the core, as long as no chain of dependencies returns.
 * </ul>
 */
public final class PackageRules {

    private static final String ROOT = "dev.wasmguest";
    private static final Pattern MAY_USE = Pattern.compile("May use:(.*?)\\.(\\s|$)", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("\\{@code ([A-Za-z0-9.]+)}");

    private PackageRules() {}

    /**
     * Checks {@code classes} (the module's main classes) against the package-info files under {@code sources} (the
     * module's {@code src/main/java}).
     *
     * @throws AssertionError listing every dependency a package-info does not allow, or the cycles
     */
    public static void check(JavaClasses classes, Path sources) {
        Map<String, Set<String>> allowed = mayUse(sources);
        Set<String> problems = new TreeSet<>();
        for (JavaClass type : classes) {
            Set<String> mayUse = allowed.get(type.getPackageName());
            if (mayUse == null) {
                problems.add("package " + type.getPackageName() + " has no package-info.java saying what it may use");
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getPackageName();
                if (target.startsWith(ROOT) && !target.equals(type.getPackageName()) && !mayUse.contains(target)) {
                    problems.add(type.getName() + " uses "
                            + dependency.getTargetClass().getName() + ", but the" + " package-info of "
                            + type.getPackageName() + " does not allow " + target);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("package rules broken:\n  " + String.join("\n  ", problems));
        }
        slices().assignedFrom(new ModelApart()).should().beFreeOfCycles().check(classes);
    }

    /** Package name to the packages its package-info allows, for every package-info under {@code sources}. */
    static Map<String, Set<String>> mayUse(Path sources) {
        Map<String, Set<String>> allowed = new HashMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.endsWith("package-info.java"))::iterator) {
                String packageName =
                        sources.relativize(file.getParent()).toString().replace('/', '.');
                allowed.put(packageName, packagesNamed(file, Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return allowed;
    }

    private static Set<String> packagesNamed(Path file, String text) {
        Matcher sentence = MAY_USE.matcher(text);
        if (!sentence.find()) {
            throw new AssertionError(file + " has no \"May use:\" sentence");
        }
        Set<String> packages = new LinkedHashSet<>();
        Matcher name = NAME.matcher(sentence.group(1));
        while (name.find()) {
            String given = name.group(1);
            packages.add(
                    given.startsWith(ROOT)
                            ? given
                            : given.contains(".") ? ROOT + "." + given : ROOT + ".internal." + given);
        }
        return packages;
    }

    /** Slices: each package, except that the public package is two, its model and its facades. */
    private static final class ModelApart implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            if (!type.getPackageName().startsWith(ROOT)) {
                return SliceIdentifier.ignore();
            }
            if (type.getPackageName().equals(ROOT)) {
                return SliceIdentifier.of(ROOT + (usesInternals(type) ? " (facades)" : " (model)"));
            }
            return SliceIdentifier.of(type.getPackageName());
        }

        /**
         * Whether {@code type}, its nested types, or a type of the public package they use (and so on) uses an internal
         * package: then it is a facade, else part of the model.
         */
        private static boolean usesInternals(JavaClass type) {
            Set<String> seen = new HashSet<>();
            Deque<JavaClass> pending = new ArrayDeque<>(List.of(type));
            while (!pending.isEmpty()) {
                JavaClass next = pending.pop();
                if (!seen.add(next.getName())) {
                    continue;
                }
                for (Dependency dependency : next.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (target.getPackageName().startsWith(ROOT + ".internal")) {
                        return true;
                    }
                    if (target.getPackageName().equals(ROOT)) {
                        pending.push(target);
                    }
                }
                next.getPackage().getClasses().stream()
                        .filter(member -> member.getName().startsWith(next.getName() + "$"))
                        .forEach(pending::push);
            }
            return false;
        }

        @Override
        public String getDescription() {
            return "packages, and the model and the facades of " + ROOT;
        }
    }
}
