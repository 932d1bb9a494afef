package cn.zschangfang.content.article;

import cn.zschangfang.content.bulk.BulkImport;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.FieldCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Writes articles. Every write of an existing article is a compare-and-set on {@code countedViews}: the view counter
 * updates that field concurrently, and an editor's save must neither reset it nor be lost to it (no multi-document
 * transactions are needed for that, which the local MongoDB stand-in would refuse).
 */
@Service
public class ArticleService {

    private static final int CAS_ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ArticleService(MongoTemplate mongo, ApplicationEventPublisher events, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    public Article findAnyBySlug(String slug) {
        return mongo.findOne(Query.query(Criteria.where("slug").is(slug)), Article.class);
    }

    public Article requireAnyBySlug(String slug) {
        Article article = findAnyBySlug(slug);
        if (article == null) {
            throw ApiException.notFound();
        }
        return article;
    }

    /**
     * Creates the article or, if the slug exists, updates it unless the same input was written last time.
     *
     * @param defaultStatus status when the input names none and the article is new
     */
    public WriteOutcome upsert(ArticleInput input, ArticleStatus defaultStatus) {
        String hash = hashOf(input);
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            Article existing = findAnyBySlug(input.slug());
            if (existing == null) {
                Article created = build(null, input, defaultStatus, hash);
                try {
                    mongo.insert(created);
                    changed(created, ArticleChanged.Change.CREATED);
                    return new WriteOutcome(BulkImport.Outcome.CREATED, created);
                } catch (DuplicateKeyException raced) {
                    continue; // created concurrently: compare with what won
                }
            }
            if (hash.equals(existing.contentHash())) {
                return new WriteOutcome(BulkImport.Outcome.UNCHANGED, existing);
            }
            Article updated = build(existing, input, defaultStatus, hash);
            if (replace(existing, updated)) {
                return new WriteOutcome(BulkImport.Outcome.UPDATED, updated);
            }
        }
        throw ApiException.conflict("文章正在被同时修改，请刷新后重试");
    }

    /** Admin create: idempotent for the same body, a conflict for different content under an existing slug. */
    public WriteOutcome create(ArticleInput input) {
        Article existing = findAnyBySlug(input.slug());
        if (existing != null) {
            if (hashOf(input).equals(existing.contentHash())) {
                return new WriteOutcome(BulkImport.Outcome.UNCHANGED, existing);
            }
            throw ApiException.conflict("该 slug 已存在");
        }
        WriteOutcome outcome = upsert(input, ArticleStatus.DRAFT);
        if (outcome.kind() == BulkImport.Outcome.UPDATED) {
            // Lost a race against a concurrent create with different content; still a conflict to this caller.
            throw ApiException.conflict("该 slug 已存在");
        }
        return outcome;
    }

    public Article update(String slug, ArticleInput input) {
        if (!slug.equals(input.slug())) {
            throw ApiException.invalid("slug", FieldCode.INVALID_VALUE, "必须与路径中的 slug 一致");
        }
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            Article existing = requireAnyBySlug(slug);
            Article updated = build(existing, input, existing.status(), hashOf(input));
            if (replace(existing, updated)) {
                return updated;
            }
        }
        throw ApiException.conflict("文章正在被同时修改，请刷新后重试");
    }

    public Article setStatus(String slug, ArticleStatus status) {
        Article existing = requireAnyBySlug(slug);
        Instant now = now();
        Update update = new Update().set("status", status).set("updatedAt", now);
        if (status == ArticleStatus.PUBLISHED && existing.publishedAt() == null) {
            update.set("publishedAt", now);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(existing.id())), update, Article.class);
        changed(
                existing,
                status == ArticleStatus.PUBLISHED
                        ? ArticleChanged.Change.PUBLISHED
                        : ArticleChanged.Change.UNPUBLISHED);
        return requireAnyBySlug(slug);
    }

    public void delete(String slug) {
        Article existing = requireAnyBySlug(slug);
        mongo.remove(Query.query(Criteria.where("_id").is(existing.id())), Article.class);
        changed(existing, ArticleChanged.Change.DELETED);
    }

    private boolean replace(Article existing, Article updated) {
        Query cas = Query.query(Criteria.where("_id")
                .is(existing.id())
                .and("countedViews")
                .is(existing.countedViews())
                .and("migratedViews")
                .is(existing.migratedViews()));
        Update update = new Update()
                .set("title", updated.title())
                .set("body", updated.body())
                .set("summary", updated.summary())
                .set("category", updated.category())
                .set("tags", updated.tags())
                .set("source", updated.source())
                .set("copyright", updated.copyright())
                .set("author", updated.author())
                .set("coverImage", updated.coverImage())
                .set("status", updated.status())
                .set("publishedAt", updated.publishedAt())
                .set("updatedAt", updated.updatedAt())
                .set("migratedViews", updated.migratedViews())
                .set("views", updated.views())
                .set("contentHash", updated.contentHash());
        boolean done = mongo.updateFirst(cas, update, Article.class).getMatchedCount() == 1;
        if (done) {
            changed(existing, ArticleChanged.Change.UPDATED);
        }
        return done;
    }

    private Article build(Article existing, ArticleInput in, ArticleStatus defaultStatus, String hash) {
        Instant now = now();
        String body = HtmlSanitizer.sanitize(in.body());
        String summary = blankToNull(in.summary()) != null ? in.summary().strip() : HtmlSanitizer.summaryOf(body);
        ArticleStatus status = in.status() != null ? in.status() : defaultStatus;
        Instant publishedAt = in.publishedAt() != null
                ? in.publishedAt()
                : existing != null && existing.publishedAt() != null
                        ? existing.publishedAt()
                        : status == ArticleStatus.PUBLISHED ? now : null;
        long migrated = in.views() != null ? in.views() : existing != null ? existing.migratedViews() : 0L;
        long counted = existing != null ? existing.countedViews() : 0L;
        return new Article(
                existing != null ? existing.id() : UUID.randomUUID().toString(),
                in.slug(),
                in.title().strip(),
                body,
                summary,
                in.category().strip(),
                normalizeTags(in.tags()),
                blankToNull(in.source()),
                blankToNull(in.copyright()),
                blankToNull(in.author()),
                blankToNull(in.coverImage()),
                status,
                publishedAt,
                existing != null ? existing.createdAt() : now,
                now,
                migrated,
                counted,
                migrated + counted,
                hash);
    }

    static List<String> normalizeTags(List<String> tags) {
        if (tags == null) {
            return new ArrayList<>();
        }
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (String t : tags) {
            if (t != null && !t.isBlank()) {
                set.add(t.strip());
            }
        }
        return new ArrayList<>(set);
    }

    static String hashOf(ArticleInput in) {
        String canonical = String.join(
                "\u0000",
                in.slug(),
                in.title(),
                in.body(),
                Objects.toString(in.summary(), ""),
                in.category(),
                in.tags() == null ? "" : String.join("\u0001", in.tags()),
                Objects.toString(in.source(), ""),
                Objects.toString(in.copyright(), ""),
                Objects.toString(in.author(), ""),
                Objects.toString(in.coverImage(), ""),
                Objects.toString(in.status(), ""),
                Objects.toString(in.publishedAt(), ""),
                Objects.toString(in.views(), ""));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        // MongoDB stores milliseconds; truncating keeps what we return equal to what we read back.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void changed(Article article, ArticleChanged.Change change) {
        events.publishEvent(new ArticleChanged(article.id(), article.slug(), change));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
