package dev.wasmguest.suites;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.wasmguest.testsupport.PackageRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The engine's two packages use only what their package-info allows: the public package its workings, the workings
 * the extension's core; no cycle between them.
 */
class ArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.wasmguest.suites");

    @Test
    void eachPackageUsesOnlyWhatItsPackageInfoAllowsAndNoCycleForms() {
        PackageRules.check(ENGINE, Path.of("src/main/java"));
    }
}
