package cn.zschangfang.notify;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import cn.zschangfang.platform.test.FeaturePackages;
import org.junit.jupiter.api.Test;

/** notify's feature packages form no cycle, so each can be read, tested and changed from the bottom up. */
class ArchitectureTest {

    @Test
    void featurePackagesAreFreeOfCycles() {
        FeaturePackages.assertFreeOfCycles("cn.zschangfang.notify");
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
                .check(FeaturePackages.mainClasses("cn.zschangfang.notify"));
    }
}
