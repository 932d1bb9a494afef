package cn.zschangfang.site;

import cn.zschangfang.platform.test.FeaturePackages;
import org.junit.jupiter.api.Test;

class PackageStructureTest {

    @Test
    void featurePackagesHaveNoCycles() {
        FeaturePackages.assertFreeOfCycles("cn.zschangfang.site");
    }
}
