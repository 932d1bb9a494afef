package cn.zschangfang.platform.test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The structure rule every service keeps: its feature packages (the first level below the service's root package)
 * depend on each other in one direction only. A cycle means two features can no longer be understood, tested or
 * moved apart, so any new one fails the build.
 */
public final class FeaturePackages {

    private FeaturePackages() {}

    /** The service's main classes, without its tests. */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    public static void assertFreeOfCycles(String rootPackage) {
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(mainClasses(rootPackage));
    }
}
