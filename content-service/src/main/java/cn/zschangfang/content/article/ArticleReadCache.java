package cn.zschangfang.content.article;

import cn.zschangfang.content.cache.Answer;
import cn.zschangfang.content.cache.Cached;
import cn.zschangfang.content.cache.Etags;
import cn.zschangfang.content.cache.FeatureReadCache;
import cn.zschangfang.content.cache.ReadCache;
import cn.zschangfang.content.cache.ReadCaches;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public article reads through the in-memory cache: published articles by slug (with related reading), list
 * pages, tags and categories. Any article change drops all of them (see {@link FeatureReadCache}): on the writing instance
 * at once (the {@link ArticleChanged} listener runs on the request thread, after the write), on the others when
 * {@code content.article-changed} arrives. View counts are merged per request from {@link ViewCounts}; the order of
 * {@code sort=popular} (decided by views) is cached only for {@code views-ttl}.
 */
@Component
public class ArticleReadCache extends FeatureReadCache {

    static final int RELATED_LIMIT = 6;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** A list request, normalized as the query applies it, so equivalent requests share an entry. */
    record PageKey(String category, String tag, String q, ArticleQueries.SortOrder sort, int page, int size) {
        static PageKey of(String category, String tag, String q, ArticleQueries.SortOrder sort, int page, int size) {
            String keyword =
                    q == null ? null : CONTROL.matcher(q).replaceAll("").strip();
            return new PageKey(blankToNull(category), blankToNull(tag), blankToNull(keyword), sort, page, size);
        }
    }

    private final ArticleQueries queries;
    private final ViewCounts views;
    private final JsonMapper json;
    private final ReadCache<String, Optional<CachedArticle>> articles;
    private final ReadCache<PageKey, Cached<ArticleQueries.Page>> latestPages;
    private final ReadCache<PageKey, Cached<ArticleQueries.Page>> popularPages;
    private final ReadCache<String, Cached<List<ArticleQueries.Count>>> counts;

    public ArticleReadCache(ArticleQueries queries, ViewCounts views, JsonMapper json, ReadCaches caches) {
        super(caches, ArticleChangeEvents.TOPIC);
        this.queries = queries;
        this.views = views;
        this.json = json;
        this.articles = cache("articles");
        this.latestPages = cache("article_pages");
        this.popularPages = cache("article_popular_pages", caches.properties().viewsTtl());
        this.counts = cache("article_counts");
    }

    /**
     * The article as the JSON the API answers, with its ETag. The bytes are kept with the cached article together
     * with the ETag they were written for, and written again only when that changes: the ETag covers the content
     * and every view count shown, so equal tags mean equal bytes. A popular article is read many times between two
     * changes of its counts (they are merged at most every {@code views-ttl}), and serialising its 8 KB body was the
     * largest part of answering it.
     */
    public Optional<Answer<byte[]>> article(String slug) {
        return articles.get(slug, this::loadArticle).map(this::json);
    }

    private Answer<byte[]> json(CachedArticle entry) {
        Answer<ArticleResponse> counted = counted(entry);
        Answer<byte[]> written = entry.written().get();
        if (written != null && written.etag().equals(counted.etag())) {
            return written;
        }
        Answer<byte[]> fresh = new Answer<>(json.writeValueAsBytes(counted.body()), counted.etag());
        entry.written().set(fresh);
        return fresh;
    }

    private Answer<ArticleResponse> counted(CachedArticle entry) {
        Article a = entry.article();
        if (!views.merging()) {
            return new Answer<>(
                    ArticleResponse.of(a, a.views(), entry.related()), Etags.weak(entry.contentHash(), a.views()));
        }
        List<String> slugs = new ArrayList<>(entry.related().size() + 1);
        slugs.add(a.slug());
        entry.related().forEach(r -> slugs.add(r.slug()));
        Map<String, Long> current = views.of(slugs);
        ArticleResponse merged = ArticleResponse.of(
                a,
                current.getOrDefault(a.slug(), a.views()),
                entry.related().stream().map(r -> withCount(r, current)).toList());
        return new Answer<>(merged, Etags.weak(entry.contentHash(), countsOf(merged)));
    }

    public Answer<ArticleQueries.Page> page(PageKey key) {
        ReadCache<PageKey, Cached<ArticleQueries.Page>> cache =
                key.sort() == ArticleQueries.SortOrder.POPULAR ? popularPages : latestPages;
        Cached<ArticleQueries.Page> cached = cache.get(key, this::loadPage);
        ArticleQueries.Page page = cached.value();
        if (views.merging()) {
            Map<String, Long> current =
                    views.of(page.items().stream().map(ArticleSummary::slug).toList());
            page = new ArticleQueries.Page(
                    page.items().stream().map(s -> withCount(s, current)).toList(),
                    page.page(),
                    page.size(),
                    page.total());
        }
        long[] shown = page.items().stream().mapToLong(ArticleSummary::views).toArray();
        return new Answer<>(page, Etags.weak(cached.contentHash(), shown));
    }

    public Answer<List<ArticleQueries.Count>> tags() {
        Cached<List<ArticleQueries.Count>> cached = counts.get("tags", k -> Cached.of(json, queries.tags()));
        return new Answer<>(cached.value(), Etags.weak(cached.contentHash()));
    }

    public Answer<List<ArticleQueries.Count>> categories() {
        Cached<List<ArticleQueries.Count>> cached =
                counts.get("categories", k -> Cached.of(json, queries.categories()));
        return new Answer<>(cached.value(), Etags.weak(cached.contentHash()));
    }

    @EventListener
    void on(ArticleChanged changed) {
        invalidateAll();
    }

    private Optional<CachedArticle> loadArticle(String slug) {
        Article article = slug.length() > 120 ? null : queries.findPublished(slug);
        if (article == null) {
            return Optional.empty();
        }
        List<ArticleSummary> related = queries.related(article, RELATED_LIMIT);
        // The content hash leaves the counts out: they are mixed into the ETag per request.
        ArticleResponse uncounted = ArticleResponse.of(
                article, 0, related.stream().map(r -> r.withViews(0)).toList());
        return Optional.of(
                new CachedArticle(article, related, Etags.contentHash(json, uncounted), new AtomicReference<>()));
    }

    private Cached<ArticleQueries.Page> loadPage(PageKey k) {
        ArticleQueries.Page page = queries.list(k.category(), k.tag(), k.q(), k.sort(), k.page(), k.size());
        ArticleQueries.Page uncounted = new ArticleQueries.Page(
                page.items().stream().map(s -> s.withViews(0)).toList(), page.page(), page.size(), page.total());
        return new Cached<>(page, Etags.contentHash(json, uncounted));
    }

    private static ArticleSummary withCount(ArticleSummary s, Map<String, Long> current) {
        return s.withViews(current.getOrDefault(s.slug(), s.views()));
    }

    private static long[] countsOf(ArticleResponse a) {
        long[] all = new long[a.related().size() + 1];
        all[0] = a.views();
        for (int i = 0; i < a.related().size(); i++) {
            all[i + 1] = a.related().get(i).views();
        }
        return all;
    }

    /**
     * A published article with its related reading, the hash of both without counts, and the last JSON written for
     * them; dropped together with the cache entry on a change. The response is made per request, with current counts.
     */
    private record CachedArticle(
            Article article,
            List<ArticleSummary> related,
            String contentHash,
            AtomicReference<Answer<byte[]>> written) {}

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
