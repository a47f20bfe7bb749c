package dev.wasmguest;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The architecture map of CONTRIBUTING.md, held: a JUnit layer on top of a framework-free core, dependencies pointing
 * one way, and no cycle between packages.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.wasmguest");

    /** The public package's JUnit side: its other types are the core's public API. */
    private static final Set<String> JUNIT_TYPES_OF_THE_API_PACKAGE =
            Set.of("WasmGuest", "WasmGuestExtension", "WasiTestSuite", "NearestGuest", "GuestDeclaration");

    private static final String[] CORE = {
        "dev.wasmguest.internal.source..",
        "dev.wasmguest.internal.resolve..",
        "dev.wasmguest.internal.load..",
        "dev.wasmguest.internal.run..",
        "dev.wasmguest.internal.wasi..",
        "dev.wasmguest.internal.suite..",
        "dev.wasmguest.internal.cli..",
        "dev.wasmguest.internal.trace.."
    };
    private static final String[] BASE = {"dev.wasmguest.internal.config..", "dev.wasmguest.internal.util.."};

    @Test
    void noPackageCycles() {
        slices().matching("dev.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void dependenciesPointFromTheJUnitLayerThroughThePublicApiToTheCore() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("JUnit layer")
                .definedBy(junitLayer())
                .layer("public API")
                .definedBy(publicApi())
                .layer("core")
                .definedBy(CORE)
                .layer("base")
                .definedBy(BASE)
                .whereLayer("JUnit layer")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("public API")
                .mayOnlyBeAccessedByLayers("JUnit layer")
                .whereLayer("core")
                .mayOnlyBeAccessedByLayers("JUnit layer", "public API")
                .whereLayer("base")
                .mayOnlyBeAccessedByLayers("JUnit layer", "public API", "core")
                .ensureAllClassesAreContainedInArchitecture()
                .check(CLASSES);
    }

    @Test
    void theCoreRunsWithoutJUnit() {
        noClasses()
                .that(publicApi().or(resideInAnyPackage(CORE)).or(resideInAnyPackage(BASE)))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.junit..")
                .check(CLASSES);
    }

    private static DescribedPredicate<JavaClass> junitLayer() {
        return DescribedPredicate.describe(
                "the JUnit layer",
                type -> inApiPackageOnJUnitSide(type) || inPackage(type, "dev.wasmguest.internal.junit"));
    }

    private static DescribedPredicate<JavaClass> publicApi() {
        return DescribedPredicate.describe(
                "the core's public API",
                type -> type.getPackageName().equals("dev.wasmguest") && !inApiPackageOnJUnitSide(type));
    }

    private static boolean inApiPackageOnJUnitSide(JavaClass type) {
        String topLevel = type.getName().substring("dev.wasmguest.".length()).split("\\$")[0];
        return type.getPackageName().equals("dev.wasmguest") && JUNIT_TYPES_OF_THE_API_PACKAGE.contains(topLevel);
    }

    private static boolean inPackage(JavaClass type, String packageName) {
        return type.getPackageName().equals(packageName)
                || type.getPackageName().startsWith(packageName + ".");
    }
}
