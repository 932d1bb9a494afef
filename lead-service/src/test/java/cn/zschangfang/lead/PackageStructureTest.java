package cn.zschangfang.lead;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Feature packages depend on each other in one direction only: a cycle means two features can no longer be
 * understood, tested or moved apart, so any new one fails the build.
 */
class PackageStructureTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.zschangfang.lead");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("cn.zschangfang.lead.(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
    }
}
