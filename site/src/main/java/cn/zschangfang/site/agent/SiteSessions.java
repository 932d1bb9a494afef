package cn.zschangfang.site.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Server-side sessions in MongoDB; the browser holds only a random id (HttpOnly cookie). */
@Component
public class SiteSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final Clock clock;

    public SiteSessions(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A new session; returns the cookie value (only its hash is stored). */
    public String create(String agentId, String name, String role, String apiToken, Instant expiresAt) {
        String cookie = random();
        mongo.insert(
                new SiteSession(sha256(cookie), agentId, name, role, apiToken, random(), clock.instant(), expiresAt));
        return cookie;
    }

    public Optional<SiteSession> find(String cookie) {
        if (cookie == null || cookie.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(sha256(cookie), SiteSession.class))
                .filter(s -> s.expiresAt().isAfter(clock.instant()));
    }

    public void delete(String cookie) {
        if (cookie != null) {
            mongo.remove(Query.query(Criteria.where("_id").is(sha256(cookie))), SiteSession.class);
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purgeExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(clock.instant())), SiteSession.class);
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
