package cn.zschangfang.lead.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TownsTest {

    private final Towns towns = new Towns(List.of("沙溪镇", "小榄镇", "古镇镇", "南区街道", "石岐街道", "火炬开发区", "翠亨新区"));

    @Test
    void shortFormsResolveToTheFullName() {
        assertThat(towns.resolve("沙溪")).hasValue("沙溪镇");
        assertThat(towns.resolve("小榄")).hasValue("小榄镇");
        assertThat(towns.resolve("古镇")).hasValue("古镇镇");
        assertThat(towns.resolve("南区")).hasValue("南区街道");
        assertThat(towns.resolve("火炬")).hasValue("火炬开发区");
        assertThat(towns.resolve("翠亨")).hasValue("翠亨新区");
    }

    @Test
    void fullNamesAndCityPrefixAreAccepted() {
        assertThat(towns.resolve("沙溪镇")).hasValue("沙溪镇");
        assertThat(towns.resolve(" 中山市石岐街道 ")).hasValue("石岐街道");
    }

    @Test
    void placesOutsideTheTerritoryAreUnknown() {
        assertThat(towns.resolve("宝安")).isEmpty();
        assertThat(towns.resolve("")).isEmpty();
        assertThat(towns.resolve(null)).isEmpty();
    }

    @Test
    void townsMentionedInATextAreFoundByFullOrShortName() {
        assertThat(towns.mentionedIn("火炬开发区与小榄工业园最新招商")).containsExactly("小榄镇", "火炬开发区");
    }

    @Test
    void theConfiguredTerritoryHasAll25Units() throws Exception {
        String yaml = new String(
                getClass().getResourceAsStream("/application.yml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        long count = yaml.lines()
                .map(String::strip)
                .filter(l -> l.startsWith("- ") && (l.endsWith("镇") || l.endsWith("街道") || l.endsWith("区")))
                .count();
        assertThat(count).isEqualTo(25);
    }
}
