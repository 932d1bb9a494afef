package cn.zschangfang.notify.delivery;

import cn.zschangfang.notify.agent.AgentTokens;
import cn.zschangfang.notify.config.NotifyProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps each robot under its per-minute limit across all notify instances: a counter document per
 * (robot, minute) incremented atomically in MongoDB. A denied send is deferred to the next minute.
 */
@Component
public class RobotRateLimiter {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final int limit;

    public RobotRateLimiter(MongoTemplate mongo, Clock clock, NotifyProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.limit = properties.delivery().robotLimitPerMinute();
    }

    /** @return null when the send may go now, otherwise the instant the next window opens */
    public Instant tryAcquire(String target) {
        Instant now = clock.instant();
        long minute = now.getEpochSecond() / 60;
        String id = AgentTokens.sha256(target) + ":" + minute;
        Document counter;
        try {
            counter = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(id)),
                    new Update().inc("count", 1).setOnInsert("minute", minute),
                    FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Document.class,
                    "robot_windows");
        } catch (DuplicateKeyException raced) {
            // two instances upserted the same new window at once: the document exists now, increment it
            counter = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(id)),
                    new Update().inc("count", 1),
                    FindAndModifyOptions.options().returnNew(true),
                    Document.class,
                    "robot_windows");
        }
        int count = counter == null ? 1 : ((Number) counter.get("count")).intValue();
        return count <= limit ? null : Instant.ofEpochSecond((minute + 1) * 60);
    }

    /** Old windows are useless; removed explicitly (a TTL index cannot be relied on everywhere). */
    @Scheduled(fixedDelayString = "10m")
    public void purge() {
        long cutoff = clock.instant().minus(Duration.ofMinutes(10)).getEpochSecond() / 60;
        mongo.remove(Query.query(Criteria.where("minute").lt(cutoff)), "robot_windows");
    }
}
