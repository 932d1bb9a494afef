package cn.zschangfang.site.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListingSearchTest {

    @Test
    void reversedRangesAreSwappedAndOutOfBoundsValuesDropped() {
        ListingSearch s = ListingSearch.from(Map.of(
                "minArea", "5000", "maxArea", "2000", "minClearHeight", "1000", "minPower", "499.2", "page", "-3"));

        assertThat(s.minAreaText()).isEqualTo("2000");
        assertThat(s.maxAreaText()).isEqualTo("5000");
        assertThat(s.minClearHeight()).as("above the API's 100 m bound").isNull();
        assertThat(s.minPowerText()).as("kVA are whole numbers: at least 500").isEqualTo("500");
        assertThat(s.page()).isEqualTo(1);
    }

    @Test
    void theCanonicalPathHasAFixedOrderAndLeavesDefaultsOut() {
        ListingSearch a =
                ListingSearch.from(Map.of("sort", "newest", "town", "小榄镇", "type", "warehouse", "crane", "on"));
        ListingSearch b = ListingSearch.from(Map.of("crane", "true", "type", "WAREHOUSE", "town", "小榄镇"));

        assertThat(a.path())
                .isEqualTo(b.path())
                .isEqualTo("/listings?type=WAREHOUSE&town=%E5%B0%8F%E6%A6%84%E9%95%87&crane=true");
        assertThat(a.withSort("rent")).endsWith("&sort=rent");
        assertThat(a.filterCount()).isEqualTo(3);
    }

    @Test
    void anArticleIsAboutTheTownItsTagsOrTitleName() {
        List<String> towns = List.of("石岐街道", "小榄镇", "神湾镇", "火炬开发区");

        assertThat(ListingTeasers.townNamed(List.of("中山工业园", "神湾镇"), "规划调整", towns))
                .isEqualTo("神湾镇");
        assertThat(ListingTeasers.townNamed(List.of("中山工业园"), "小榄工业园升级改造", towns))
                .isEqualTo("小榄镇");
        assertThat(ListingTeasers.townNamed(List.of("低效工业园改造"), "对标顺德闯出新路", towns))
                .isNull();
    }

    @Test
    void unitsAreShownAsBuyersReadThem() {
        ListingText text = new ListingText();

        assertThat(text.area(20000.1, true)).isEqualTo("30 亩（20,000 ㎡）");
        assertThat(text.area(3200, false)).isEqualTo("3,200 ㎡");
        assertThat(text.leadType("STANDALONE_COMPOUND")).isEqualTo("FACTORY");
        assertThat(text.leadType("INDUSTRIAL_LAND")).isEqualTo("LAND");
        assertThat(text.leadIntent("SALE")).isEqualTo("BUY");
        assertThat(text.floor(2, 4)).isEqualTo("2 层 / 共 4 层");
    }
}
