package cn.zschangfang.content.view;

import cn.zschangfang.content.article.ArticleChanged;
import cn.zschangfang.content.article.ArticleStatus;
import cn.zschangfang.content.config.ContentProperties;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Slug → published-article metadata, so a burst of beacons does not make one MongoDB round trip per request: a slug
 * is loaded once per TTL (concurrent misses for one slug share one load). Unknown and draft slugs are cached as
 * absent too. Writes on this instance invalidate at once; other instances see a change within the TTL.
 */
@Component
public class ArticleMetaCache {

    private final LoadingCache<String, Optional<ArticleMeta>> cache;

    public ArticleMetaCache(MongoTemplate mongo, ContentProperties properties) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(20_000)
                .expireAfterWrite(properties.views().articleCacheTtl())
                .build(slug -> load(mongo, slug));
    }

    public Optional<ArticleMeta> find(String slug) {
        return cache.get(slug);
    }

    @EventListener
    void on(ArticleChanged changed) {
        cache.invalidate(changed.slug());
    }

    private static Optional<ArticleMeta> load(MongoTemplate mongo, String slug) {
        Query query = Query.query(Criteria.where("slug").is(slug).and("status").is(ArticleStatus.PUBLISHED));
        query.fields().include("slug", "title", "category", "tags");
        Document a = mongo.findOne(query, Document.class, "articles");
        if (a == null) {
            return Optional.empty();
        }
        List<String> tags = a.getList("tags", String.class, List.of());
        return Optional.of(new ArticleMeta(
                a.getString("_id"),
                a.getString("slug"),
                a.getString("title"),
                a.getString("category"),
                List.copyOf(tags)));
    }
}
