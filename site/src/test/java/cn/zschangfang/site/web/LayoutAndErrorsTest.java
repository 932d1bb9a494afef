package cn.zschangfang.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.site.support.SiteTestBase;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LayoutAndErrorsTest extends SiteTestBase {

    @Test
    void pagesAreChineseWithTheSharedLayoutAndAFingerprintedStylesheet() {
        HttpResponse<String> home = get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Cache-Control")).hasValue("max-age=1, public");
        assertThat(home.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(home.body()).contains("<html lang=\"zh-CN\">", "中山厂房网", "招商热线", "400 0123 021", "13391219793");
        Matcher css = Pattern.compile("href=\"(/assets/css/site-[0-9a-f]{32}\\.css)\"")
                .matcher(home.body());
        assertThat(css.find()).as("fingerprinted stylesheet link").isTrue();

        HttpResponse<String> asset = get(css.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("max-age=31536000", "public", "immutable"));
    }

    @Test
    void aReloadWithTheETagCostsA304() {
        HttpResponse<String> first = get("/");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get("/", "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aPageIsSentGzippedToABrowserThatAsksInChinese() {
        // A strong ETag would make Tomcat send the page uncompressed.
        HttpResponse<String> page = get("/", "Accept-Encoding", "gzip", "Accept-Language", "en-US");

        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(page.headers().firstValue("ETag"))
                .hasValueSatisfying(e -> assertThat(e).startsWith("W/\""));
        assertThat(page.headers().firstValue("Content-Language")).hasValue("zh-CN");
    }

    @Test
    void unknownPathIsTheSitesHtml404PageEvenForAClientAcceptingAnything() {
        HttpResponse<String> response = get("/no/such/page", "Accept", "*/*");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("页面不存在", "返回首页", "noindex").doesNotContain("Whitelabel");
    }

    @Test
    void contentServiceDownIsTheSitesErrorPageWithThePhoneNumber() {
        CONTENT.answer("/api/content/categories", null);
        try {
            HttpResponse<String> response = get("/");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("服务暂时繁忙", "400 0123 021").doesNotContain("Exception");
        } finally {
            CONTENT.answer("/api/content/categories", "[{\"name\":\"中山产业信息\",\"count\":8}]");
        }
    }
}
