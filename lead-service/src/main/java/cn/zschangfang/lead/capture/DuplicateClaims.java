package cn.zschangfang.lead.capture;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Decides "is this a repeat?" atomically across instances: one claim document per (phone, intent, property type),
 * keyed by a hash (no phone in clear), owned by the lead that created it for the duplicate window. The unique
 * {@code _id} makes two simultaneous submissions produce one lead, whichever instance they reach.
 */
@Component
public class DuplicateClaims {

    /** A claim whose lead is not stored yet is taken as "being written" for this long. */
    private static final Duration IN_PROGRESS = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final LeadStore store;

    public DuplicateClaims(MongoTemplate mongo, LeadStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Document("duplicate_claims")
    record Claim(@Id String key, String leadId, Instant claimedAt) {}

    /**
     * Claims the key for {@code leadId}.
     *
     * @return empty when the caller owns the claim (a new lead), else the id of the lead it repeats
     */
    public Optional<String> claim(
            String phone, Lead.Intent intent, Lead.PropertyType type, String leadId, Instant now, Duration window) {
        String key = key(phone, intent, type);
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                mongo.insert(new Claim(key, leadId, now));
                return Optional.empty();
            } catch (DuplicateKeyException e) {
                Claim existing = mongo.findById(key, Claim.class);
                if (existing == null) {
                    continue;
                }
                if (!existing.claimedAt().isBefore(now.minus(window))) {
                    if (store.find(existing.leadId()).isPresent()
                            || !existing.claimedAt().isBefore(now.minus(IN_PROGRESS))) {
                        return Optional.of(existing.leadId());
                    }
                }
                // Expired, or its lead was never stored (crash before the insert): take it over, unless another
                // submission just did.
                Claim taken = mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(key).and("leadId").is(existing.leadId())),
                        new Update().set("leadId", leadId).set("claimedAt", now),
                        FindAndModifyOptions.options().returnNew(true),
                        Claim.class);
                if (taken != null) {
                    return Optional.empty();
                }
            }
        }
        throw new IllegalStateException("duplicate claim contended");
    }

    /** Claims whose window has passed are only kept for a takeover; drop them (PIPL: keep no more than needed). */
    public long purgeOlderThan(Instant before) {
        return mongo.remove(Query.query(Criteria.where("claimedAt").lt(before)), Claim.class)
                .getDeletedCount();
    }

    /** Drops the claim of an erased lead, so not even a hash of its phone remains. */
    public void release(String leadId) {
        mongo.remove(Query.query(Criteria.where("leadId").is(leadId)), Claim.class);
    }

    static String key(String phone, Lead.Intent intent, Lead.PropertyType type) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((phone + "|" + intent + "|" + type).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
