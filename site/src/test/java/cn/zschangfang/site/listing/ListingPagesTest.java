package cn.zschangfang.site.listing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.site.support.SiteTestBase;
import cn.zschangfang.site.support.StubContentService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListingPagesTest extends SiteTestBase {

    private static final String LISTING = "/listings/" + StubContentService.LISTING_SLUG;

    @AfterEach
    void restoreFixtures() {
        CONTENT.answer("/api/content/listings", StubContentService.fixture("listings.json"));
    }

    @Test
    void aTownTheServiceDoesNotKnowIsA400PageSayingSoNotAServerError() {
        CONTENT.refuse("/api/content/listings", 400, """
                {"type":"https://zschangfang.cn/problems/validation","title":"请求内容有误","status":400,
                 "errors":[{"field":"town","code":"unknown_town","message":"未知的镇街"}]}""");

        HttpResponse<String> page = get("/listings?town=%E7%81%AB%E6%98%9F%E9%95%87");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .contains("筛选条件有误：未知的镇街", "name=\"robots\" content=\"noindex", "中山厂房仓库土地租售")
                .doesNotContain("暂时没有符合条件的房源", "火星镇厂房");
    }

    @Test
    void aTownThatLooksLikeATemplateReachesTheServiceAsText() {
        HttpResponse<String> page = get("/listings?town=%7B%22%24gt%22%3A%22%22%7D");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(CONTENT.lastQuery("/api/content/listings")).contains("town=%7B%22%24gt%22%3A%22%22%7D");
    }

    @Test
    void searchPassesEveryFilterToTheListingApiAndShowsTheCards() {
        HttpResponse<String> page = get("/listings?town=%E5%B0%8F%E6%A6%84%E9%95%87&minArea=2000&maxArea=5000"
                + "&minClearHeight=8&minPower=500&fireClass=C&groundFloor=true&standalone=true&crane=true"
                + "&type=STANDALONE_COMPOUND&deal=LEASE&minRent=10&maxRent=20&sort=area&page=2");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control"))
                .as("one spelling of the public page policy (site/web/CachePolicy)")
                .hasValue("max-age=1, public");
        assertThat(CONTENT.lastQuery("/api/content/listings"))
                .contains(
                        "deal=LEASE",
                        "propertyType=STANDALONE_COMPOUND",
                        "town=%E5%B0%8F%E6%A6%84%E9%95%87",
                        "minArea=2000",
                        "maxArea=5000",
                        "areaUnit=SQM",
                        "minRent=10",
                        "maxRent=20",
                        "minClearHeight=8",
                        "minPower=500",
                        "fireClass=C",
                        "groundFloor=true",
                        "standalone=true",
                        "crane=true",
                        "sort=area",
                        "page=1",
                        "size=12");
        assertThat(page.body())
                .contains(
                        "小榄镇永宁 单层独栋厂房 3200㎡ 层高9米 带10吨行车",
                        "href=\"/listings/xiaolan-single-storey-factory-3200\"",
                        "3,200 ㎡",
                        "层高 9m",
                        "配电 630kVA",
                        "16.5 元/㎡/月",
                        "4,500 万元",
                        "30 亩（20,000 ㎡）",
                        "共 <strong data-total>3</strong> 套",
                        "action=\"/listings\" method=\"get\"",
                        "href=\"#filters\"");
        assertThat(page.body()).as("filtered searches are not indexed").contains("noindex");
    }

    @Test
    void areaInMuIsPassedAsMuAndTheCanonicalUrlIsNormalized() {
        String html = get("/listings?maxArea=30&minArea=10&areaUnit=mu&town=&minPower=abc&sort=bogus")
                .body();

        assertThat(CONTENT.lastQuery("/api/content/listings"))
                .contains("minArea=10", "maxArea=30", "areaUnit=MU")
                .doesNotContain("minPower", "town=");
        assertThat(html)
                .contains("<link rel=\"canonical\" href=\"" + PUBLIC_URL
                        + "/listings?minArea=10&amp;maxArea=30&amp;areaUnit=MU\">");
    }

    @Test
    void aTownListIsIndexedAtItsCanonicalUrl() {
        String html = get("/listings?town=%E5%B0%8F%E6%A6%84%E9%95%87").body();

        assertThat(html)
                .contains("<link rel=\"canonical\" href=\"" + PUBLIC_URL
                        + "/listings?town=%E5%B0%8F%E6%A6%84%E9%95%87\">")
                .contains("<title>小榄镇厂房仓库土地租售 - 中山厂房网</title>")
                .doesNotContain("noindex");
    }

    @Test
    void noResultsShowsTheEmptyStateWithTheInquiryForm() {
        CONTENT.answer("/api/content/listings", "{\"items\":[],\"page\":0,\"size\":12,\"total\":0}");

        String html = get("/listings?minClearHeight=40").body();

        assertThat(html).contains("暂时没有符合条件的房源", "提交找房需求", "data-inquiry-form");
    }

    @Test
    void listingPageShowsSpecsWithUnitsGalleryAndJsonLd() {
        HttpResponse<String> page = get(LISTING);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "<h1 class=\"listing__title\">小榄镇永宁 单层独栋厂房 3200㎡ 层高9米 带10吨行车</h1>",
                        "小榄镇 · 永宁工业区 · 永宁工业大道 8 号",
                        "<th scope=\"row\">建筑面积</th><td>3,200 ㎡（约 4.8 亩）</td>",
                        "<th scope=\"row\">占地面积</th><td>8 亩（5,333 ㎡）</td>",
                        "<th scope=\"row\">层高</th><td>9 m</td>",
                        "<th scope=\"row\">承重</th><td>3 t/㎡</td>",
                        "<th scope=\"row\">配电</th><td>630 kVA（可增容至 1000 kVA）</td>",
                        "<th scope=\"row\">消防等级</th><td>丙类（可用于丙类及以下生产）</td>",
                        "<th scope=\"row\">行车</th><td>10 吨</td>",
                        "<th scope=\"row\">产权</th><td>红本</td>",
                        "<th scope=\"row\">土地性质</th><td>M1 一类工业用地</td>",
                        "<th scope=\"row\">环评</th><td>可办环评</td>",
                        "<th scope=\"row\">配套</th><td>宿舍、食堂、办公、停车</td>",
                        "<th scope=\"row\">租金</th><td>16.5 元/㎡/月</td>",
                        "<th scope=\"row\">最短租期</th><td>36 个月</td>",
                        "<th scope=\"row\">押付方式</th><td>押二付一</td>",
                        "<th scope=\"row\">耐火等级</th><td>二级</td>",
                        "<th scope=\"row\">结构</th><td>钢结构</td>",
                        "src=\"/api/content/listings/lst-xl-001/photos/p1/detail.jpg\"",
                        "alt=\"车间内景\"",
                        "\"@type\":\"RealEstateListing\"",
                        "\"@type\":\"Offer\"",
                        "\"@type\":\"Place\"",
                        "<meta property=\"og:image\" content=\"" + PUBLIC_URL
                                + "/api/content/listings/lst-xl-001/photos/p1/detail.jpg\">",
                        "<link rel=\"canonical\" href=\"" + PUBLIC_URL + LISTING + "\">")
                .doesNotContain("&lt;p&gt;");
        assertThat(page.body()).contains("独门独院，单层钢结构");
    }

    @Test
    void listingPagesFormIsPresetToTheListing() {
        String html = get(LISTING).body();

        assertThat(html)
                .contains(
                        "<input type=\"hidden\" name=\"sourceListing\" value=\"lst-xl-001\">",
                        "咨询房源：<strong>小榄镇永宁",
                        "<option value=\"小榄镇\" selected=\"selected\">小榄镇</option>",
                        "name=\"propertyType\" value=\"FACTORY\" required checked=\"checked\"",
                        "name=\"intent\" value=\"LEASE\" required checked=\"checked\"",
                        "name=\"areaMax\" type=\"number\"",
                        "value=\"3200\"",
                        "更多要求",
                        "data-field=\"requirements.minClearHeightM\"",
                        "data-error-for=\"requirements.budget\"",
                        "name=\"leaseTermMonths\"");
    }

    @Test
    void anUnpublishedOrUnknownListingIsTheHtml404() {
        HttpResponse<String> page = get("/listings/no-such-listing");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("页面不存在");
    }

    @Test
    void homeShowsTheLatestListingsAndArticlesShowRelatedListings() {
        assertThat(get("/").body()).contains("最新房源", "href=\"/listings/torch-zone-standard-factory-2f-1800\"");
        assertThat(CONTENT.lastQuery("/api/content/listings")).contains("size=6");

        assertThat(get("/articles/" + StubContentService.SEED_SLUG).body())
                .contains("相关房源", "href=\"/listings/sanxiang-industrial-land-30mu\"");
    }

    @Test
    void aFailingListingApiLeavesTheHomePageAndTheSitemapWorking() {
        CONTENT.answer("/api/content/listings", null);

        assertThat(get("/").statusCode()).isEqualTo(200);
        HttpResponse<String> sitemap = get("/sitemap.xml");
        assertThat(sitemap.statusCode()).isEqualTo(200);
        assertThat(sitemap.body())
                .contains("/articles/" + StubContentService.SEED_SLUG)
                .doesNotContain("/listings/");
    }

    @Test
    void sitemapListsListingsWithTheirLastEdit() {
        assertThat(get("/sitemap.xml").body())
                .contains("<loc>" + PUBLIC_URL + "/listings</loc>")
                .contains("<loc>" + PUBLIC_URL + LISTING + "</loc><lastmod>2026-11-28T06:00:00Z</lastmod>");
    }
}
