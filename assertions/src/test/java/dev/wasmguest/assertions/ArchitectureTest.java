package dev.wasmguest.assertions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.wasmguest.testsupport.PackageRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The assertions are a user of the extension like any other: they see its public API and, to read the snapshot keys
 * as every key is read, its configuration, and nothing else; their own packages use only what their package-info
 * allows, and form no cycle.
 */
class ArchitectureTest {

    private static final JavaClasses ASSERTIONS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.wasmguest.assertions", "dev.wasmguest.internal.assertions");

    @Test
    void useOnlyTheExtensionsPublicApiAndConfiguration() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.wasmguest.internal.junit..",
                        "dev.wasmguest.internal.load..",
                        "dev.wasmguest.internal.resolve..",
                        "dev.wasmguest.internal.run..",
                        "dev.wasmguest.internal.source..",
                        "dev.wasmguest.internal.suite..",
                        "dev.wasmguest.internal.util..",
                        "dev.wasmguest.internal.wasi..")
                .check(ASSERTIONS);
    }

    @Test
    void eachPackageUsesOnlyWhatItsPackageInfoAllows() {
        PackageRules.check(ASSERTIONS, Path.of("src/main/java"));
    }
}
