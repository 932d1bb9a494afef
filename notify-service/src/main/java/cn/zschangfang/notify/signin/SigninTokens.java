package cn.zschangfang.notify.signin;

import cn.zschangfang.notify.agent.AgentTokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sign-in links and site sessions in MongoDB ({@code signin_tokens}), and the per-mobile request counter
 * ({@code signin_requests}, keyed by a hash of the mobile so no number is stored). Both are shared by every
 * instance; expired entries are purged by a schedule (TTL expiry is not relied on).
 */
@Component
public class SigninTokens {

    /** Session tokens carry their own prefix so token introspection can tell them from agent API tokens. */
    public static final String SESSION_PREFIX = "ags_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String REQUESTS = "signin_requests";

    private final MongoTemplate mongo;
    private final SigninProperties properties;
    private final Clock clock;

    public SigninTokens(MongoTemplate mongo, SigninProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        mongo.indexOps(REQUESTS).createIndex(new Index("key", Sort.Direction.ASC).on("at", Sort.Direction.ASC));
    }

    /** A new one-time link token for the agent (optionally pointing at a lead). */
    public String issueLink(String agentId, String leadId) {
        String token = "sgn_" + random();
        Instant now = clock.instant();
        mongo.insert(new SigninToken(
                AgentTokens.sha256(token),
                SigninToken.LINK,
                agentId,
                leadId,
                now,
                now.plus(properties.linkTtl()),
                null));
        return token;
    }

    /** Marks a link used and returns it, once; empty when unknown, used or expired. */
    public Optional<SigninToken> redeemLink(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Query unused = Query.query(Criteria.where("_id")
                .is(AgentTokens.sha256(token))
                .and("kind")
                .is(SigninToken.LINK)
                .and("usedAt")
                .is(null)
                .and("expiresAt")
                .gt(now));
        // atomic: of two concurrent redemptions of the same link only one finds it unused
        return Optional.ofNullable(mongo.findAndModify(
                unused, new Update().set("usedAt", now), FindAndModifyOptions.options(), SigninToken.class));
    }

    public record Session(String token, Instant expiresAt) {}

    public Session issueSession(String agentId) {
        String token = SESSION_PREFIX + random();
        Instant now = clock.instant();
        Instant expires = now.plus(properties.sessionTtl());
        mongo.insert(
                new SigninToken(AgentTokens.sha256(token), SigninToken.SESSION, agentId, null, now, expires, null));
        return new Session(token, expires);
    }

    /** The agent id of a live session token. */
    public Optional<String> sessionAgent(String token) {
        if (token == null || !token.startsWith(SESSION_PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        SigninToken found = mongo.findById(AgentTokens.sha256(token), SigninToken.class);
        return Optional.ofNullable(found)
                .filter(t -> SigninToken.SESSION.equals(t.kind()))
                .filter(t -> t.expiresAt().isAfter(clock.instant()))
                .map(SigninToken::agentId);
    }

    public void revokeSession(String token) {
        if (token != null && token.startsWith(SESSION_PREFIX)) {
            mongo.remove(
                    Query.query(Criteria.where("_id")
                            .is(AgentTokens.sha256(token))
                            .and("kind")
                            .is(SigninToken.SESSION)),
                    SigninToken.class);
        }
    }

    /**
     * Counts a sign-in request for a mobile key and says whether it is within the limit. Known and unknown numbers
     * are counted alike, so the limit reveals nothing either.
     */
    public boolean countRequest(String mobileKey) {
        Instant now = clock.instant();
        long recent = mongo.count(
                Query.query(Criteria.where("key").is(mobileKey).and("at").gt(now.minus(properties.requestWindow()))),
                REQUESTS);
        if (recent >= properties.requestsPerMobile()) {
            return false;
        }
        mongo.insert(new Document("key", mobileKey).append("at", now), REQUESTS);
        return true;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    public void purge() {
        Instant now = clock.instant();
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(now)), SigninToken.class);
        mongo.remove(Query.query(Criteria.where("at").lt(now.minus(properties.requestWindow()))), REQUESTS);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
