package cn.zschangfang.site.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import cn.zschangfang.site.api.ContentCacheProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** Which responses {@link PageCache} stores, driven with a controller stand-in that counts its renders. */
class PageCacheRulesTest {

    private final PageCache cache =
            new PageCache(new PageCacheProperties(Duration.ofMinutes(1), DataSize.ofMegabytes(1)));
    private final AtomicInteger renders = new AtomicInteger();

    private MockHttpServletResponse request(String method, String path, Consumer<HttpServletResponse> page)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(request, response, (req, res) -> {
            renders.incrementAndGet();
            HttpServletResponse http = (HttpServletResponse) res;
            http.setContentType("text/html;charset=UTF-8");
            http.setHeader("ETag", "W/\"0abc\"");
            page.accept(http);
            http.getOutputStream().write("<html>页面</html>".getBytes(StandardCharsets.UTF_8));
        });
        return response;
    }

    private void assertRenderedEachTime(String path, Consumer<HttpServletResponse> page) throws Exception {
        request("GET", path, page);
        request("GET", path, page);

        assertThat(renders).hasValue(2);
    }

    private static void publicPage(HttpServletResponse response) {
        response.setHeader("Cache-Control", CachePolicy.PUBLIC_PAGE.getHeaderValue());
    }

    @Test
    void aPublicPageIsRenderedOnce() throws Exception {
        request("GET", "/listings", PageCacheRulesTest::publicPage);
        MockHttpServletResponse again = request("GET", "/listings", PageCacheRulesTest::publicPage);

        assertThat(renders).hasValue(1);
        assertThat(again.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<html>页面</html>");
        assertThat(again.getHeader("ETag")).isEqualTo("W/\"0abc\"");
        assertThat(again.getContentType()).isEqualTo("text/html;charset=UTF-8");
    }

    @Test
    void anotherQueryIsAnotherPage() throws Exception {
        request("GET", "/listings", PageCacheRulesTest::publicPage);
        MockHttpServletRequest filtered = new MockHttpServletRequest("GET", "/listings");
        filtered.setQueryString("town=小榄镇");
        cache.doFilter(filtered, new MockHttpServletResponse(), (req, res) -> renders.incrementAndGet());

        assertThat(renders).hasValue(2);
    }

    @Test
    void aPersonalPageIsNeverStored() throws Exception {
        assertRenderedEachTime(
                "/articles/a", response -> response.setHeader("Cache-Control", CachePolicy.PERSONAL.getHeaderValue()));
    }

    @Test
    void aPublicPageThatSetsACookieIsNeverStored() throws Exception {
        assertRenderedEachTime("/", response -> {
            publicPage(response);
            response.addHeader("Set-Cookie", "visitor=1");
        });
    }

    @Test
    void aPublicAnswerOtherThanA200IsNeverStored() throws Exception {
        assertRenderedEachTime("/articles/gone", response -> {
            publicPage(response);
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        });
    }

    @Test
    void onlyGetsOfThePublicPagesAreLookedUp() throws Exception {
        request("GET", "/agent/leads", PageCacheRulesTest::publicPage);
        request("GET", "/agent/leads", PageCacheRulesTest::publicPage);
        request("POST", "/listings", PageCacheRulesTest::publicPage);
        request("POST", "/listings", PageCacheRulesTest::publicPage);

        assertThat(renders).hasValue(4);
    }

    @Test
    void cachesThatTogetherKeepAnEditHiddenLongerThanASecondStopStartUp() {
        PageCacheConfiguration configuration = new PageCacheConfiguration();
        PageCacheProperties pages = new PageCacheProperties(Duration.ofMillis(600), DataSize.ofMegabytes(1));

        assertThatIllegalStateException()
                .isThrownBy(() ->
                        configuration.pageCacheFilter(pages, new ContentCacheProperties(Duration.ofMillis(500), 10)))
                .withMessageContaining("site.page-cache.ttl");
        assertThat(configuration.pageCacheFilter(pages, new ContentCacheProperties(Duration.ofMillis(400), 10)))
                .isNotNull();
    }
}
