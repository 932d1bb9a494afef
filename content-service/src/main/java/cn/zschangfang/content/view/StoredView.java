package cn.zschangfang.content.view;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One counted view as the counter stored it (collection {@code views}); {@code _id} is the event's id, which makes
 * storing idempotent. {@code day} is the local calendar day (stats zone) so unique visitors per day need no date
 * operator the stand-in lacks.
 */
@Document(StoredView.COLLECTION)
public record StoredView(
        @Id String id, String articleId, String slug, String visitorId, Instant occurredAt, String day) {

    public static final String COLLECTION = "views";
}
