package cn.zschangfang.site.web;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves a public page again from memory for {@code site.page-cache.ttl}: a profile of the article page under load
 * showed Thymeleaf's rendering at 78 % of the site's CPU, so a burst of readers of one page now costs one render per
 * TTL. A page is stored only when its controller marked it {@link CachePolicy#PUBLIC_PAGE} (the same promise that
 * lets any shared cache keep it: it is the same for every visitor), it is a 200 with an ETag, and it sets no cookie;
 * agents' and managers' pages never are. The key is the path and query; the pages do not vary with request headers
 * (the locale is fixed). Concurrent misses of one page wait for one render. A conditional request the cache cannot
 * answer goes through as before (the ETag filter answers it) and is not stored.
 */
public final class PageCache extends OncePerRequestFilter {

    /** Not the page's own: hop-by-hop or set per response by the container. */
    private static final Set<String> NOT_STORED = caseInsensitive(
            HttpHeaders.CONTENT_LENGTH, HttpHeaders.DATE, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CONNECTION);

    private static final List<String> PUBLIC_PATHS = List.of("/articles", "/tags/", "/categories/", "/listings");

    private final AsyncCache<String, Page> pages;
    private final boolean enabled;

    public PageCache(PageCacheProperties properties) {
        this.enabled = !properties.ttl().isZero();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .<String, Page>weigher((key, page) -> page.body().length)
                .expireAfterWrite(properties.ttl())
                .buildAsync();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!enabled || !"GET".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI();
        return !path.equals("/") && PUBLIC_PATHS.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getQueryString() == null
                ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
        CompletableFuture<Page> mine = new CompletableFuture<>();
        CompletableFuture<Page> stored = pages.asMap().putIfAbsent(key, mine);
        if (stored != null) {
            Page page = stored.join();
            if (page != null) {
                page.writeTo(request, response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        Page rendered = null;
        try {
            rendered = render(request, response, chain);
        } finally {
            // null (not storable, or the render failed) removes the entry; a waiting request then renders itself
            mine.complete(rendered);
        }
    }

    private static Page render(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Set<String> before = caseInsensitive(response.getHeaderNames().toArray(String[]::new));
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        Page page = storable(captured) ? Page.of(request, captured, before) : null;
        captured.copyBodyToResponse();
        return page;
    }

    private static boolean storable(ContentCachingResponseWrapper response) {
        return response.getStatus() == HttpServletResponse.SC_OK
                && CachePolicy.PUBLIC_PAGE.getHeaderValue().equals(response.getHeader(HttpHeaders.CACHE_CONTROL))
                && response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                && response.getHeader(HttpHeaders.ETAG) != null
                && response.getContentType() != null;
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }

    /** A rendered page: what its controller, the view and the ETag filter set, and the HTML. */
    record Page(
            String contentType, Locale locale, List<String[]> headers, String etag, String pathPattern, byte[] body) {

        static Page of(HttpServletRequest request, ContentCachingResponseWrapper response, Set<String> before) {
            List<String[]> headers = new ArrayList<>();
            for (String name : response.getHeaderNames()) {
                if (!before.contains(name) && !NOT_STORED.contains(name)) {
                    response.getHeaders(name).forEach(value -> headers.add(new String[] {name, value}));
                }
            }
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            return new Page(
                    response.getContentType(),
                    response.getLocale(),
                    List.copyOf(headers),
                    response.getHeader(HttpHeaders.ETAG),
                    pattern instanceof String p ? p : null,
                    response.getContentAsByteArray());
        }

        void writeTo(HttpServletRequest request, HttpServletResponse response) throws IOException {
            // The metrics keep the route's name ("/articles/{slug}") although no handler ran.
            if (pathPattern != null) {
                ServerHttpObservationFilter.findObservationContext(request)
                        .ifPresent(context -> context.setPathPattern(pathPattern));
            }
            response.setContentType(contentType);
            response.setLocale(locale);
            Set<String> written = caseInsensitive();
            for (String[] header : headers) {
                if (written.add(header[0])) {
                    response.setHeader(header[0], header[1]);
                } else {
                    response.addHeader(header[0], header[1]);
                }
            }
            if (new ServletWebRequest(request, response).checkNotModified(etag)) {
                return;
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
