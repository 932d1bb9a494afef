package cn.zschangfang.content.article;

import cn.zschangfang.content.cache.ReadCacheProperties;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Current view counts by slug, kept out of the cached articles: the counter changes them with every counted view,
 * which must not evict the article. One {@code $in} query over the slugs a response shows, each count reused for at
 * most {@code content.cache.views-ttl} (1 s): a count shown is at most that much older than MongoDB's.
 */
@Component
public class ViewCounts {

    private final LoadingCache<String, Long> cache;
    private final boolean enabled;

    public ViewCounts(MongoTemplate mongo, ReadCacheProperties properties) {
        this.enabled = properties.enabled();
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.maxEntries())
                .expireAfterWrite(properties.viewsTtl())
                .build(new CacheLoader<>() {
                    @Override
                    public Long load(String slug) {
                        return loadAll(Set.of(slug)).get(slug);
                    }

                    @Override
                    public Map<String, Long> loadAll(Set<? extends String> slugs) {
                        return read(mongo, slugs);
                    }
                });
    }

    /** Whether counts must be merged: with the cache off, articles are read fresh and carry their counts. */
    boolean merging() {
        return enabled;
    }

    /** The counts of these slugs; a slug without a document (just deleted) is missing. */
    Map<String, Long> of(Collection<String> slugs) {
        return cache.getAll(slugs);
    }

    /**
     * An edit may change the count too (an import sets the migrated part): the writing instance shows it at once,
     * the others within the TTL.
     */
    @EventListener
    void on(ArticleChanged changed) {
        cache.invalidate(changed.slug());
    }

    private static Map<String, Long> read(MongoTemplate mongo, Collection<? extends String> slugs) {
        Query query = Query.query(Criteria.where("slug").in(slugs));
        query.fields().include("slug", "views");
        Map<String, Long> counts = new HashMap<>();
        for (Document d : mongo.find(query, Document.class, "articles")) {
            Object views = d.get("views");
            counts.put(d.getString("slug"), views instanceof Number n ? n.longValue() : 0L);
        }
        return counts;
    }
}
