package cn.zschangfang.content.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.content.support.Http;
import cn.zschangfang.content.support.ServiceIT;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The article API's ITs, split by who calls it ({@link PublicArticlesIT}, {@link AdminArticlesIT}) and what the
 * counted views feed ({@link ArticleFiguresIT}): each test starts with the demo articles imported (a no-op after the
 * first) and writes articles under slugs of its own, since they all share one context and database.
 */
abstract class ArticleApiITBase extends ServiceIT {

    static final String SEED = "shunde-village-industrial-park-renovation-seminar";
    static final String SEED_TITLE = "对标顺德闯出新路!中山专题研讨低效工业园改造问题";

    @Autowired
    JsonMapper json;

    Http http;

    @BeforeEach
    void importDemo() throws IOException {
        http = http();
        HttpResponse<String> r = http.admin("POST", "/api/content/admin/import", demoArticles());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    /** The five demo articles, as the import endpoint takes them. */
    String demoArticles() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/demo-articles.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    /** The status of a body-less admin call (read, publish, unpublish, delete). */
    int adminStatus(String method, String path) {
        return http.admin(method, path, null).statusCode();
    }

    static String article(String slug, String title, String body, String extra) {
        return """
                {"slug":"%s","title":"%s","body":"%s","category":"中山产业信息","tags":["测试"]%s}
                """.formatted(slug, title, body, extra);
    }

    void importNew(String slug, String title, long views) {
        String json = "[" + article(slug, title, "<p>正文</p>", ",\"views\":" + views) + "]";
        assertThat(body(http.admin("POST", "/api/content/admin/import", json))
                        .get("created")
                        .asInt())
                .isEqualTo(1);
    }

    void awaitViews(String slug, long views) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> body(http.get("/api/content/articles/" + slug))
                                .get("views")
                                .asLong()
                        == views);
    }
}
