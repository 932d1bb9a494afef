package cn.zschangfang.content.listing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.content.support.Http;
import cn.zschangfang.content.support.ServiceIT;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public search's filters, sorts and paging on the MongoDB-wire server; all fixtures are in 板芙镇. */
class ListingSearchIT extends ServiceIT {

    private static final String FIXTURES = """
            [{"slug":"search-bf-single","title":"板芙 单层厂房 3200㎡ 层高9米 带行车","deal":"LEASE",
              "propertyType":"STANDARD_FACTORY","buildingForm":"SINGLE_STOREY","town":"板芙镇","buildingAreaTotal":3200,
              "clearHeightM":9,"powerKva":800,"fireHazardClass":"C","craneTonnage":10,"leaseAmount":18,
              "leaseAmountFrequency":"YUAN_PER_SQM_MONTH","agentId":"demo-huangtao","demo":true},
             {"slug":"search-bf-upper","title":"板芙 多层厂房三楼 1500㎡","deal":"LEASE","propertyType":"STANDARD_FACTORY",
              "buildingForm":"MULTI_STOREY","floor":3,"floorsTotal":5,"town":"板芙","buildingAreaTotal":1500,
              "clearHeightM":4.5,"powerKva":200,"fireHazardClass":"D","leaseAmount":0.5,
              "leaseAmountFrequency":"YUAN_PER_SQM_DAY","agentId":"demo-huangtao"},
             {"slug":"search-bf-compound","title":"板芙 独门独院 8000㎡ 可分租","deal":"LEASE_OR_SALE",
              "propertyType":"STANDALONE_COMPOUND","buildingForm":"SINGLE_STOREY","town":"板芙镇","buildingAreaTotal":8000,
              "leaseMode":"DIVISIBLE","minDivisibleSqm":2000,"clearHeightM":8,"powerKva":1250,"fireHazardClass":"A",
              "craneTonnage":5,"leaseAmount":16,"leaseAmountFrequency":"YUAN_PER_SQM_MONTH","listPriceWan":6000,
              "agentId":"demo-huangtao"},
             {"slug":"search-bf-land","title":"板芙 工业用地 20亩 出售","deal":"SALE","propertyType":"INDUSTRIAL_LAND",
              "town":"板芙镇","lotSizeMu":20,"landUse":"M1","listPriceWan":3000,"agentId":"demo-huangtao"}]
            """;

    @Autowired
    JsonMapper json;

    Http http;

    @BeforeEach
    void importFixtures() {
        http = http();
        HttpResponse<String> r = http.admin("POST", "/api/content/admin/listings/import", FIXTURES);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private List<String> slugs(String query) {
        HttpResponse<String> r = http.get("/api/content/listings?town=板芙镇&" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body())
                .path("items")
                .valueStream()
                .map(i -> i.path("slug").asString())
                .toList();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # A minimum clear height or power keeps only the listings that reach it.
            minClearHeight=8                 | search-bf-single search-bf-compound
            minPower=500                     | search-bf-single search-bf-compound
            # A fire class is satisfied by buildings rated for it or for a more hazardous class.
            fireClass=C                      | search-bf-single search-bf-compound
            fireClass=D                      | search-bf-single search-bf-upper search-bf-compound
            groundFloor=true                 | search-bf-single search-bf-compound
            standalone=true                  | search-bf-compound
            crane=true                       | search-bf-single search-bf-compound
            # 2–3 亩 = 1333.34–2000.01 ㎡: the 1500 ㎡ floor, and the compound that divides down to 2000 ㎡.
            minArea=2&maxArea=3&areaUnit=MU  | search-bf-upper search-bf-compound
            minArea=10000                    | search-bf-land
            # A deal search finds the listings offered both ways.
            deal=SALE                        | search-bf-land search-bf-compound
            deal=LEASE                       | search-bf-single search-bf-upper search-bf-compound
            """)
    void aFilterKeepsExactlyTheListingsThatMatchIt(String query, String expected) {
        assertThat(slugs(query)).containsExactlyInAnyOrder(expected.split(" "));
    }

    @Test
    void rentRangeIsOnTheRentNormalizedToYuanPerSqmAndMonth() {
        // 0.5 元/㎡/天 = 15 元/㎡/月 is below the range.
        assertThat(slugs("minRent=15.5&maxRent=20"))
                .containsExactlyInAnyOrder("search-bf-single", "search-bf-compound");
        JsonNode detail =
                json.readTree(http.get("/api/content/listings/search-bf-upper").body());
        assertThat(detail.path("rentYuanPerSqmMonth").asDouble()).isEqualTo(15.0);
        assertThat(json.readTree(
                                http.get("/api/content/listings/search-bf-land").body())
                        .path("lotSizeArea")
                        .asDouble())
                .isEqualTo(13333.4);
    }

    @Test
    void sortsByAreaAndRentAndPages() {
        assertThat(slugs("sort=area"))
                .containsExactly("search-bf-upper", "search-bf-single", "search-bf-compound", "search-bf-land");
        assertThat(slugs("sort=rent")).containsExactly("search-bf-upper", "search-bf-compound", "search-bf-single");
        JsonNode page = json.readTree(http.get("/api/content/listings?town=板芙镇&sort=area&page=1&size=2")
                .body());
        assertThat(page.path("total").asLong()).isEqualTo(4);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("size").asInt()).isEqualTo(2);
        assertThat(page.path("items").valueStream().map(i -> i.path("slug").asString()))
                .containsExactly("search-bf-compound", "search-bf-land");
    }

    @Test
    void summariesCarryTheContractsFields() {
        JsonNode item = json.readTree(http.get("/api/content/listings?town=板芙镇&standalone=true")
                        .body())
                .path("items")
                .get(0);
        assertThat(item.path("id").asString()).isNotBlank();
        assertThat(item.path("propertyType").asString()).isEqualTo("STANDALONE_COMPOUND");
        assertThat(item.path("town").asString()).isEqualTo("板芙镇");
        assertThat(item.path("buildingAreaTotal").asDouble()).isEqualTo(8000.0);
        assertThat(item.path("rentYuanPerSqmMonth").asDouble()).isEqualTo(16.0);
        assertThat(item.path("listPriceWan").asDouble()).isEqualTo(6000.0);
        assertThat(item.has("coverPhoto")).isTrue();
        assertThat(item.path("publishedAt").asString()).isNotBlank();
        assertThat(item.path("demo").asBoolean()).isFalse();
    }

    @Test
    void reimportingTheSameListingsChangesNothing() {
        JsonNode again = json.readTree(http.admin("POST", "/api/content/admin/listings/import", FIXTURES)
                .body());
        assertThat(again.path("unchanged").asInt()).isEqualTo(4);
        assertThat(again.path("created").asInt()).isZero();
    }
}
