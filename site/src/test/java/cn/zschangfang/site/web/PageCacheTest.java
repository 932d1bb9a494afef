package cn.zschangfang.site.web;

import static cn.zschangfang.site.support.StubContentService.SEED_SLUG;
import static cn.zschangfang.site.support.StubContentService.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.site.support.SiteTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The rendered-page cache on (1 s, the content cache off) in front of the stub content-service: what is served from
 * memory, and that an edit still shows after the TTL. What is never stored: {@link PageCacheRulesTest}.
 */
@TestPropertySource(properties = "site.page-cache.ttl=1s")
class PageCacheTest extends SiteTestBase {

    private static final String ARTICLE_API = "/api/content/articles/" + SEED_SLUG;
    private static final String ARTICLE_PAGE = "/articles/" + SEED_SLUG;

    @AfterEach
    void restoreTheStub() {
        CONTENT.answer(ARTICLE_API, fixture("seed-article.json"));
        CONTENT.answer("/api/content/articles/not-yet-published", null);
    }

    @Test
    void aBurstOfReadersOfOnePageCostsOneRender() {
        // A query of its own: no other test of this class has stored this page yet.
        String page = ARTICLE_PAGE + "?from=burst";
        int before = CONTENT.requests(ARTICLE_API);

        HttpResponse<String> first = get(page);
        HttpResponse<String> second = get(page);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(CONTENT.requests(ARTICLE_API) - before)
                .as("renders asking for the article")
                .isEqualTo(1);
        assertThat(second.body()).isEqualTo(first.body());
        for (String header : new String[] {"ETag", "Cache-Control", "Content-Type", "Content-Language"}) {
            assertThat(second.headers().allValues(header))
                    .as(header)
                    .isEqualTo(first.headers().allValues(header));
        }
        assertThat(second.headers().firstValue("Content-Language")).hasValue("zh-CN");
    }

    @Test
    void aReloadWithTheETagOfAStoredPageIsA304FromMemory() {
        String page = ARTICLE_PAGE + "?from=reload";
        String etag = get(page).headers().firstValue("ETag").orElseThrow();
        int before = CONTENT.requests(ARTICLE_API);

        HttpResponse<String> reload = get(page, "If-None-Match", etag);

        assertThat(reload.statusCode()).isEqualTo(304);
        assertThat(reload.body()).isEmpty();
        assertThat(reload.headers().firstValue("ETag")).hasValue(etag);
        assertThat(CONTENT.requests(ARTICLE_API)).isEqualTo(before);
    }

    @Test
    void anEditShowsOnceTheStoredPageExpires() {
        String page = ARTICLE_PAGE + "?from=edit";
        assertThat(get(page).body()).doesNotContain("改过的标题");

        CONTENT.answer(
                ARTICLE_API,
                fixture("seed-article.json").replaceFirst("\"title\"\\s*:\\s*\"[^\"]*\"", "\"title\":\"改过的标题\""));

        await().atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> get(page).body().contains("改过的标题"));
    }

    @Test
    void aPageThatWasNotFoundIsNotStored() {
        String page = "/articles/not-yet-published";
        assertThat(get(page).statusCode()).isEqualTo(404);

        CONTENT.answer("/api/content/articles/not-yet-published", fixture("seed-article.json"));

        assertThat(get(page).statusCode()).isEqualTo(200);
    }
}
