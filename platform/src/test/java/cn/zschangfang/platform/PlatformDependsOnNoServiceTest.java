package cn.zschangfang.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The platform is infrastructure under the services: it may never know one of them, or it becomes a domain. */
class PlatformDependsOnNoServiceTest {

    @Test
    void platformDependsOnNoServicePackage() {
        noClasses()
                .that()
                .resideInAPackage("cn.zschangfang.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "cn.zschangfang.content..",
                        "cn.zschangfang.lead..",
                        "cn.zschangfang.notify..",
                        "cn.zschangfang.gateway..",
                        "cn.zschangfang.site..",
                        "cn.zschangfang.localstack..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("cn.zschangfang.platform"));
    }
}
