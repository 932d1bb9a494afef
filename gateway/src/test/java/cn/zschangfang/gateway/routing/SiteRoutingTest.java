package cn.zschangfang.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.gateway.support.GatewayTestBase;
import cn.zschangfang.gateway.support.StubService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SiteRoutingTest extends GatewayTestBase {

    @Test
    void pagesAssetsSitemapAndRobotsGoToTheSite() {
        SITE.on("/articles/shaxi-park", (exchange, body) -> {
            byte[] html =
                    "<!DOCTYPE html><html lang=\"zh-CN\">沙溪</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
            exchange.getResponseHeaders().set("Cache-Control", "public, max-age=30");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
        });

        HttpResponse<String> page = get("/articles/shaxi-park");
        get("/");
        get("/assets/css/site-0123abcd.css");
        get("/sitemap.xml");
        get("/robots.txt");
        get("/articles?tag=%E4%B8%AD%E5%B1%B1&page=2");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("沙溪");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("public, max-age=30");
        assertThat(SITE.received())
                .extracting(StubService.Received::pathAndQuery)
                .containsExactly(
                        "/articles/shaxi-park",
                        "/",
                        "/assets/css/site-0123abcd.css",
                        "/sitemap.xml",
                        "/robots.txt",
                        "/articles?tag=%E4%B8%AD%E5%B1%B1&page=2");
        assertThat(CONTENT.received()).isEmpty();
    }

    @Test
    void apisAckLinksApiDocsAndActuatorNeverReachTheSite() {
        get("/api/content/articles/x");
        get("/api/unknown/thing");
        get("/ack/abc.def");
        get("/actuator/health");
        get("/swagger-ui.html");
        get("/v3/api-docs/content");
        get("/internal/auth/agent");

        assertThat(SITE.received()).isEmpty();
    }

    @Test
    void siteErrorStatusAndPageComeBackUnchanged() {
        SITE.on("/articles/missing", (exchange, body) -> {
            byte[] html = "<html>页面不存在</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
            exchange.sendResponseHeaders(404, html.length);
            exchange.getResponseBody().write(html);
        });

        HttpResponse<String> response = get("/articles/missing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("页面不存在");
    }
}
