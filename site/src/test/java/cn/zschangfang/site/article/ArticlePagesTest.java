package cn.zschangfang.site.article;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.site.support.SiteTestBase;
import cn.zschangfang.site.support.StubContentService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArticlePagesTest extends SiteTestBase {

    private static final String SEED = "/articles/" + StubContentService.SEED_SLUG;

    @Test
    void seedArticleRendersEverythingTheSeedPageShowsServerSide() {
        HttpResponse<String> page = get(SEED);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "<title>对标顺德闯出新路!中山专题研讨低效工业园改造问题 - 中山厂房网</title>",
                        "当前位置：",
                        "正文内容",
                        "中山产业信息",
                        "admin",
                        "2024-09-27",
                        "次阅读",
                        "顺德将村级工业园改造确定为",
                        "来源：<span>中山网</span>",
                        "版权声明",
                        "href=\"/tags/%E4%B8%AD%E5%B1%B1%E5%B7%A5%E4%B8%9A%E5%9B%AD\"",
                        "相关文章",
                        "中山市村镇低效工业园改造",
                        "复制链接",
                        "/articles/" + StubContentService.SEED_SLUG + "/qr.png",
                        "name=\"phone\"",
                        "type=\"tel\"",
                        "name=\"consent\"",
                        "name=\"marketingSmsConsent\"",
                        "name=\"website\"",
                        "沙溪镇",
                        "火炬开发区");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("max-age=1, public");
    }

    @Test
    void articleHeadCarriesCanonicalOpenGraphAndNewsArticleJsonLd() {
        String html = get(SEED).body();
        String canonical = PUBLIC_URL + SEED;

        assertThat(html)
                .contains(
                        "<link rel=\"canonical\" href=\"" + canonical + "\">",
                        "<meta name=\"description\" content=\"",
                        "<meta property=\"og:type\" content=\"article\">",
                        "<meta property=\"og:url\" content=\"" + canonical + "\">",
                        "<meta property=\"og:title\" content=\"对标顺德闯出新路!中山专题研讨低效工业园改造问题\">",
                        "<script type=\"application/ld+json\">",
                        "\"@type\":\"NewsArticle\"",
                        "\"headline\":\"对标顺德闯出新路!中山专题研讨低效工业园改造问题\"",
                        "\"datePublished\":\"2024-09-27T02:00:00Z\"",
                        "\"@type\":\"BreadcrumbList\"",
                        // Nested nodes in a fixed order: the page's bytes (and its ETag) are the same on every
                        // instance.
                        "\"mainEntityOfPage\":{\"@type\":\"WebPage\",\"@id\":\"" + canonical + "\"}",
                        "\"logo\":{\"@type\":\"ImageObject\",\"url\":\"");
    }

    @Test
    void articlePageWeighsUnder200KilobytesBeforeImages() {
        byte[] html = get(SEED).body().getBytes(StandardCharsets.UTF_8);

        assertThat(html.length).isLessThan(200 * 1024);
    }

    @Test
    void whatAVisitorSearchesForReachesTheServiceAsTheSameTextEvenWhenItLooksLikeATemplate() {
        HttpResponse<String> page =
                get("/articles?tag=%7B%22%24gt%22%3A%22%22%7D&q=" + "a%2Bb%26c%3Dd%20%24%7Bjndi%7D");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(CONTENT.queries("/api/content/articles"))
                .anyMatch(query -> query.contains("tag=%7B%22%24gt%22%3A%22%22%7D")
                        && query.contains("q=a%2Bb%26c%3Dd%20%24%7Bjndi%7D"));
    }

    @Test
    void unknownSlugIsAnHtml404InTheSitesStyle() {
        HttpResponse<String> missing = get("/articles/no-such-article");
        HttpResponse<String> malformed = get("/articles/%3Cscript%3E");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("页面不存在", "中山厂房网", "<html lang=\"zh-CN\">");
        assertThat(malformed.statusCode()).isEqualTo(404);
    }

    @Test
    void tagAndCategoryListsHaveOneCanonicalUrlAndPaginate() {
        HttpResponse<String> byQuery = get("/articles?tag=%E4%B8%AD%E5%B1%B1%E5%B7%A5%E4%B8%9A%E5%9B%AD");
        HttpResponse<String> byPath = get("/tags/%E4%B8%AD%E5%B1%B1%E5%B7%A5%E4%B8%9A%E5%9B%AD");
        HttpResponse<String> category =
                get("/categories/%E4%B8%AD%E5%B1%B1%E4%BA%A7%E4%B8%9A%E4%BF%A1%E6%81%AF?page=2");

        String canonical = "<link rel=\"canonical\" href=\"" + PUBLIC_URL
                + "/tags/%E4%B8%AD%E5%B1%B1%E5%B7%A5%E4%B8%9A%E5%9B%AD\">";
        assertThat(byQuery.body()).contains(canonical, "标签：中山工业园", "对标顺德闯出新路");
        assertThat(byPath.body()).contains(canonical);
        assertThat(category.body())
                .contains("<link rel=\"canonical\" href=\"" + PUBLIC_URL
                        + "/categories/%E4%B8%AD%E5%B1%B1%E4%BA%A7%E4%B8%9A%E4%BF%A1%E6%81%AF?page=2\">");
    }

    @Test
    void anArticleWithoutCoverSharesThePortalsOwnCardImage() {
        String html = get(SEED).body();

        assertThat(html)
                .containsPattern("<meta property=\"og:image\" content=\"" + PUBLIC_URL
                        + "/assets/img/og-default-[0-9a-f]{32}\\.png\">");
        String path = html.replaceAll("(?s).*og:image\" content=\"" + PUBLIC_URL + "([^\"]+)\".*", "$1");
        assertThat(get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void keywordSearchIsNotIndexed() {
        String html = get("/articles?q=%E9%A1%BA%E5%BE%B7").body();

        assertThat(html).contains("noindex", "“顺德”的搜索结果").doesNotContain("rel=\"canonical\"");
    }

    @Test
    void sitemapListsEveryPublishedArticleWithLastmodAndRobotsPointsToIt() {
        HttpResponse<String> sitemap = get("/sitemap.xml");
        HttpResponse<String> robots = get("/robots.txt");

        assertThat(sitemap.statusCode()).isEqualTo(200);
        assertThat(sitemap.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        assertThat(sitemap.body())
                .contains("<loc>" + PUBLIC_URL + SEED + "</loc><lastmod>2024-09-27T02:00:00Z</lastmod>")
                .contains("<loc>" + PUBLIC_URL + "/tags/%E4%B8%AD%E5%B1%B1%E5%B7%A5%E4%B8%9A%E5%9B%AD</loc>")
                .as("an article edited after publication has its edit as lastmod")
                .contains("shenwan-shenxi-industrial-park-a-4-1-plan-adjustment-2024</loc>"
                        + "<lastmod>2024-10-03T08:30:00Z</lastmod>");
        assertThat(sitemap.body().split("<url>")).hasSize(1 + 2 + 9 + 1 + 1 + 4);
        assertThat(robots.body()).contains("Sitemap: " + PUBLIC_URL + "/sitemap.xml", "Disallow: /agent");
    }

    @Test
    void shareQrCodeIsAPngGeneratedByTheSite() throws Exception {
        java.net.http.HttpResponse<byte[]> png = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + SEED + "/qr.png"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
    }
}
