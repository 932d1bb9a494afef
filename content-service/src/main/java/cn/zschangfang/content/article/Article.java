package cn.zschangfang.content.article;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An article as stored in collection {@code articles}. {@code views} = {@code migratedViews} (the count carried over
 * from the old site) + {@code countedViews} (maintained only by the view counter from the Kafka topic); keeping the
 * two parts apart lets an import change the migrated base without ever resetting counted views.
 *
 * @param contentHash hash of the last written input, so re-importing identical content is a no-op
 */
@Document("articles")
public record Article(
        @Id String id,
        String slug,
        String title,
        String body,
        String summary,
        String category,
        List<String> tags,
        String source,
        String copyright,
        String author,
        String coverImage,
        ArticleStatus status,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        long migratedViews,
        long countedViews,
        long views,
        String contentHash) {

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }
}
