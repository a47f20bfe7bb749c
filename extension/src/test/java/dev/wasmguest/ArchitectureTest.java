package dev.wasmguest;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.wasmguest.testsupport.PackageRules;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The architecture map of CONTRIBUTING.md, held: every package uses only what its package-info allows, no cycle forms
 * between packages (each public type counting as one of its own), and the core and the public API run without
 * JUnit.
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
    void eachPackageUsesOnlyWhatItsPackageInfoAllowsAndNoCycleForms() {
        PackageRules.check(CLASSES, Path.of("src/main/java"));
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

    private static DescribedPredicate<JavaClass> publicApi() {
        return DescribedPredicate.describe(
                "the core's public API",
                type -> type.getPackageName().equals("dev.wasmguest") && !inApiPackageOnJUnitSide(type));
    }

    private static boolean inApiPackageOnJUnitSide(JavaClass type) {
        String topLevel = type.getName().substring("dev.wasmguest.".length()).split("\\$")[0];
        return type.getPackageName().equals("dev.wasmguest") && JUNIT_TYPES_OF_THE_API_PACKAGE.contains(topLevel);
    }
}
