package cn.zschangfang.lead.enrichment;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.territory.Towns;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Keeps what each visitor read recently and turns it into a lead's {@code interests}. */
@Component
public class ReadingHistory {

    /** Views counted per article: {@code _id} the slug, {@code views}, and the {@code title} last seen. */
    private static final String ARTICLE_VIEWS = "article_views";

    private final MongoTemplate mongo;
    private final Towns towns;
    private final LeadProperties.Enrichment properties;
    private final Clock clock;

    public ReadingHistory(MongoTemplate mongo, Towns towns, LeadProperties properties, Clock clock) {
        this.mongo = mongo;
        this.towns = towns;
        this.properties = properties.enrichment();
        this.clock = clock;
    }

    public void record(ArticleViewed event) {
        if (event.visitorId() == null || event.visitorId().isBlank() || event.slug() == null) {
            return;
        }
        Instant viewedAt = event.occurredAt() == null ? clock.instant() : event.occurredAt();
        VisitorHistory.View view = new VisitorHistory.View(
                event.slug(),
                event.title(),
                event.category(),
                event.tags() == null ? List.of() : event.tags(),
                viewedAt);
        for (int attempt = 0; attempt < 5; attempt++) {
            VisitorHistory current = mongo.findById(event.visitorId(), VisitorHistory.class);
            List<VisitorHistory.View> views = new ArrayList<>();
            views.add(view);
            if (current != null) {
                current.views().stream()
                        .filter(v -> !v.slug().equals(view.slug()))
                        .forEach(views::add);
            }
            views.sort((a, b) -> b.viewedAt().compareTo(a.viewedAt()));
            List<VisitorHistory.View> kept = bounded(views);
            try {
                mongo.save(new VisitorHistory(
                        event.visitorId(), kept, clock.instant(), current == null ? null : current.version()));
                break;
            } catch (OptimisticLockingFailureException | org.springframework.dao.DuplicateKeyException e) {
                // Another view of the same visitor was stored meanwhile: merge again.
            }
        }
        mongo.upsert(
                Query.query(Criteria.where("_id").is(event.slug())),
                new Update().inc("views", 1).set("title", event.title()),
                ARTICLE_VIEWS);
    }

    /** How often an article was viewed, under the title its latest view carried. */
    public record ArticleViews(String slug, String title, long views) {}

    /** Every article viewed so far with its count (the conversion statistics divide leads by these). */
    public List<ArticleViews> viewsPerArticle() {
        return mongo.findAll(Document.class, ARTICLE_VIEWS).stream()
                .map(views -> new ArticleViews(
                        views.getString("_id"),
                        views.getString("title"),
                        ((Number) views.getOrDefault("views", 0)).longValue()))
                .toList();
    }

    private List<VisitorHistory.View> bounded(List<VisitorHistory.View> views) {
        Instant oldest = clock.instant().minus(properties.maxAge());
        return views.stream()
                .filter(v -> v.viewedAt().isAfter(oldest))
                .limit(properties.maxArticles())
                .toList();
    }

    /** What this visitor read within the window: articles newest first, their tags, and towns they mention. */
    public Lead.Interests interestsOf(String visitorId) {
        if (visitorId == null || visitorId.isBlank()) {
            return Lead.Interests.none();
        }
        VisitorHistory history = mongo.findById(visitorId, VisitorHistory.class);
        if (history == null) {
            return Lead.Interests.none();
        }
        List<VisitorHistory.View> views = bounded(history.views());
        Set<String> tags = new LinkedHashSet<>();
        Set<String> mentioned = new LinkedHashSet<>();
        for (VisitorHistory.View view : views) {
            tags.addAll(view.tags());
            mentioned.addAll(towns.mentionedIn(view.title()));
            view.tags().forEach(tag -> mentioned.addAll(towns.mentionedIn(tag)));
        }
        return new Lead.Interests(
                views.stream()
                        .map(v -> new Lead.ArticleRef(v.slug(), v.title()))
                        .toList(),
                List.copyOf(tags),
                List.copyOf(mentioned));
    }

    /** Forgets reading histories not updated within the window (PIPL: keep no more than needed). */
    public long purgeOlderThan(Instant before) {
        return mongo.remove(Query.query(Criteria.where("updatedAt").lt(before)), VisitorHistory.class)
                .getDeletedCount();
    }
}
