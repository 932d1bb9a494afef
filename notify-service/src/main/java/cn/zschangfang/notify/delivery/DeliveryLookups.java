package cn.zschangfang.notify.delivery;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads of the {@code deliveries} collection by lead, agent and match, for the services that answer about them. */
@Component
class DeliveryLookups {

    private final MongoTemplate mongo;

    DeliveryLookups(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keys of the deliveries of a listing-match event (its first channel and any channel that followed). */
    List<String> keysOfMatch(String eventId) {
        return mongo.find(Query.query(Criteria.where("matchId").is(eventId)), Delivery.class).stream()
                .map(Delivery::key)
                .toList();
    }

    /** The agent's latest SENT delivery of a lead, else any of its deliveries of it. */
    Delivery latestFor(String leadId, String agentId) {
        Criteria mine = Criteria.where("leadId").is(leadId).and("agentId").is(agentId);
        Delivery sent = mongo.findOne(
                Query.query(mine.and("status").is(DeliveryStatus.SENT.name()))
                        .with(Sort.by(Sort.Direction.DESC, "sentAt"))
                        .limit(1),
                Delivery.class);
        return sent != null
                ? sent
                : mongo.findOne(
                        Query.query(Criteria.where("leadId")
                                        .is(leadId)
                                        .and("agentId")
                                        .is(agentId))
                                .limit(1),
                        Delivery.class);
    }
}
