package cn.zschangfang.notify;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** notify's feature packages form no cycle, so each can be read, tested and changed from the bottom up. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.zschangfang.notify");

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("cn.zschangfang.notify.(*)..")
                .should()
                .beFreeOfCycles()
                .check(MAIN);
    }

    @Test
    void channelImplementationsDoNotDependOnEachOther() {
        // DingTalk and Feishu once rendered through channel.wecom; the shared renderer is channel.render
        slices().matching("cn.zschangfang.notify.channel.(*)..")
                .should()
                .notDependOnEachOther()
                .ignoreDependency(
                        com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                                "cn.zschangfang.notify.channel.render"))
                .check(MAIN);
    }
}
