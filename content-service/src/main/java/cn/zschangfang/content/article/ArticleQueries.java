package cn.zschangfang.content.article;

import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Public reads: only PUBLISHED articles are ever returned from here. */
@Service
public class ArticleQueries {

    /** How many candidates related reading ranks; enough for a portal with a few hundred articles per tag. */
    private static final int RELATED_CANDIDATES = 300;

    private final MongoTemplate mongo;

    public ArticleQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Listing sort orders. */
    public enum SortOrder {
        LATEST,
        POPULAR
    }

    /** One page of a listing. */
    public record Page(List<ArticleSummary> items, int page, int size, long total) {}

    public Article findPublished(String slug) {
        return mongo.findOne(
                Query.query(Criteria.where("slug").is(slug).and("status").is(ArticleStatus.PUBLISHED)), Article.class);
    }

    /**
     * Keyword search is a case-insensitive substring match ({@code $regex} of the quoted keyword) on title and
     * summary, because {@code $text} has no Chinese word segmentation (and the local stand-in lacks it). An
     * unanchored regex cannot use an index: it scans the published articles matching the other filters, which is
     * fine for thousands of articles (milliseconds) but linear; beyond some 100k articles use a search engine or
     * MongoDB Atlas Search with a Chinese analyzer.
     */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public Page list(String category, String tag, String q, SortOrder sort, int page, int size) {
        Criteria c = Criteria.where("status").is(ArticleStatus.PUBLISHED);
        if (category != null && !category.isBlank()) {
            c = c.and("category").is(category.strip());
        }
        if (tag != null && !tag.isBlank()) {
            c = c.and("tags").is(tag.strip());
        }
        // A regex is a BSON cstring: a NUL (or any control character, which no title contains) cannot be searched.
        String keyword = q == null ? "" : CONTROL.matcher(q).replaceAll("").strip();
        if (!keyword.isEmpty()) {
            String quoted = Pattern.quote(keyword);
            c = c.orOperator(
                    Criteria.where("title").regex(quoted, "i"),
                    Criteria.where("summary").regex(quoted, "i"));
        }
        Query query = Query.query(c);
        long total = mongo.count(query, Article.class);
        Sort order = sort == SortOrder.POPULAR
                ? Sort.by(Sort.Order.desc("views"), Sort.Order.desc("publishedAt"), Sort.Order.asc("slug"))
                : Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.asc("slug"));
        query.with(order).skip((long) page * size).limit(size);
        query.fields().exclude("body");
        List<ArticleSummary> items = mongo.find(query, Article.class).stream()
                .map(ArticleSummary::of)
                .toList();
        return new Page(items, page, size, total);
    }

    public List<ArticleSummary> related(Article self, int limit) {
        List<String> tags = self.tags() == null ? List.of() : self.tags();
        Criteria c = Criteria.where("status")
                .is(ArticleStatus.PUBLISHED)
                .and("slug")
                .ne(self.slug())
                .orOperator(
                        Criteria.where("tags").in(tags),
                        Criteria.where("category").is(self.category()));
        Query query =
                Query.query(c).with(Sort.by(Sort.Order.desc("publishedAt"))).limit(RELATED_CANDIDATES);
        query.fields().exclude("body");
        return RelatedRanking.rank(self, mongo.find(query, Article.class), limit).stream()
                .map(ArticleSummary::of)
                .toList();
    }

    /** A tag or category with the number of published articles carrying it. */
    public record Count(String name, long count) {}

    public List<Count> tags() {
        Aggregation agg = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("status").is(ArticleStatus.PUBLISHED)),
                Aggregation.unwind("tags"),
                Aggregation.group("tags").count().as("count"),
                Aggregation.sort(Sort.by(Sort.Order.desc("count"), Sort.Order.asc("_id"))));
        return counts(agg);
    }

    public List<Count> categories() {
        Aggregation agg = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("status").is(ArticleStatus.PUBLISHED)),
                Aggregation.group("category").count().as("count"),
                Aggregation.sort(Sort.by(Sort.Order.desc("count"), Sort.Order.asc("_id"))));
        return counts(agg);
    }

    private List<Count> counts(Aggregation agg) {
        return mongo.aggregate(agg, "articles", Document.class).getMappedResults().stream()
                .filter(d -> d.get("_id") != null)
                .map(d -> new Count(d.get("_id").toString(), ((Number) d.get("count")).longValue()))
                .toList();
    }
}
