package cn.zschangfang.notify.channel.sandbox;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The sandbox robot's inbox ({@code sandbox_messages}); exists with the sandbox only. */
@Component
@ConditionalOnProperty(name = "notify.sandbox.enabled", havingValue = "true")
class SandboxMessages {

    private final MongoTemplate mongo;
    private final Clock clock;

    SandboxMessages(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records a message received now by robot {@code key}. */
    void record(String key, Map<String, Object> message) {
        mongo.insert(new SandboxMessage(UUID.randomUUID().toString(), key, clock.instant(), message));
    }

    /** Recorded messages to robot {@code key} (null: any robot), newest first, at most {@code limit}. */
    List<SandboxMessage> recent(String key, int limit) {
        Query query = key == null
                ? new Query()
                : Query.query(Criteria.where("robotKey").is(key));
        return mongo.find(
                query.with(Sort.by(Sort.Direction.DESC, "receivedAt", "_id")).limit(limit), SandboxMessage.class);
    }
}
