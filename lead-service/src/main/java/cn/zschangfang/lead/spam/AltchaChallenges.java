package cn.zschangfang.lead.spam;

import cn.zschangfang.lead.config.LeadProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.altcha.altcha.Altcha;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * ALTCHA proof of work: challenges are HMAC-signed and expire ({@code expires} parameter); a solved challenge is
 * accepted once, enforced by a unique key on its signature in MongoDB (so it holds across instances).
 */
@Component
public class AltchaChallenges {

    private final LeadProperties.Spam properties;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final JsonMapper json;

    public AltchaChallenges(LeadProperties properties, MongoTemplate mongo, Clock clock, JsonMapper json) {
        this.json = json;
        this.properties = properties.spam();
        this.mongo = mongo;
        this.clock = clock;
    }

    public Altcha.Challenge create() {
        try {
            return Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setHmacKey(properties.altchaHmacKey())
                    .setMaxNumber(properties.altchaMaxNumber())
                    .setExpiresInSeconds(properties.challengeTtl().toSeconds()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create ALTCHA challenge", e);
        }
    }

    /** @return true when the payload solves a challenge we signed, not expired, and never used before */
    public boolean verifyAndConsume(String payload) {
        if (payload == null || payload.isBlank() || payload.length() > 4096) {
            return false;
        }
        boolean valid;
        try {
            valid = Altcha.verifySolution(payload, properties.altchaHmacKey(), true);
        } catch (Exception e) {
            return false;
        }
        if (!valid) {
            return false;
        }
        try {
            String signature = json.readTree(Base64.getDecoder().decode(payload))
                    .path("signature")
                    .asString();
            mongo.insert(new UsedChallenge(signature, clock.instant()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Used signatures only matter until their challenge expires. */
    @Scheduled(fixedDelayString = "PT1H")
    void purgeUsed() {
        Instant before = clock.instant().minus(properties.challengeTtl()).minusSeconds(60);
        mongo.remove(Query.query(Criteria.where("usedAt").lt(before)), UsedChallenge.class);
    }

    @Document("altcha_used")
    record UsedChallenge(@Id String signature, Instant usedAt) {}
}
