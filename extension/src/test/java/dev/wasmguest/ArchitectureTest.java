package dev.wasmguest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.wasmguest.testsupport.PackageRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The architecture map of CONTRIBUTING.md, held: every package uses only what its package-info allows, no cycle forms
 * between packages (the public package counting as its model and its facades), and the core and the public API
 * ({@code dev.wasmguest}): every package but the JUnit layer ({@code junit}, {@code internal.junit}) runs without
 * JUnit.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.wasmguest");

    @Test
    void eachPackageUsesOnlyWhatItsPackageInfoAllowsAndNoCycleForms() {
        PackageRules.check(CLASSES, Path.of("src/main/java"));
    }

    @Test
    void theCoreRunsWithoutJUnit() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.wasmguest.junit..", "dev.wasmguest.internal.junit..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.junit..")
                .check(CLASSES);
    }
}
