package cn.zschangfang.lead.enrichment;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The recent reading of one visitor (bounded by count and age), newest first. */
@Document("visitor_history")
public record VisitorHistory(
        @Id String visitorId,
        List<View> views,
        Instant updatedAt,
        @Version Long version) {

    public record View(String slug, String title, String category, List<String> tags, Instant viewedAt) {}
}
