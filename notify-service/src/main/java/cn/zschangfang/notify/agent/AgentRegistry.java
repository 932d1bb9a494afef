package cn.zschangfang.notify.agent;

import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.FieldCode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The agents registry in MongoDB (collection {@code agents}). */
@Service
public class AgentRegistry {

    static final String NO_CHANNEL =
            "an active agent needs wecomWebhook, dingtalkWebhook, feishuWebhook, or sms with a mobile";

    private final MongoTemplate mongo;
    private final WebhookPolicy webhookPolicy;
    private final Clock clock;
    private final ActiveAgents activeAgents;

    public AgentRegistry(MongoTemplate mongo, WebhookPolicy webhookPolicy, Clock clock) {
        this.mongo = mongo;
        this.activeAgents = new ActiveAgents(mongo);
        this.webhookPolicy = webhookPolicy;
        this.clock = clock;
        mongo.indexOps(Agent.class).createIndex(new Index("tokenHash", Sort.Direction.ASC).sparse());
    }

    /** A newly created agent and its API token, which is shown this once only. */
    public record Created(Agent agent, String token) {}

    public Created create(AgentSpec spec) {
        validate(spec);
        String id = spec.id() == null || spec.id().isBlank() ? "agt-" + UUID.randomUUID() : spec.id();
        String token = AgentTokens.newToken();
        Instant now = clock.instant();
        Agent agent = new Agent(
                id,
                spec.withId(id),
                Boolean.TRUE.equals(spec.active()) ? AgentTokens.sha256(token) : null,
                minPass(),
                now,
                now);
        try {
            mongo.insert(agent);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("已存在相同 id 的经纪人");
        }
        activeAgents.changed();
        return new Created(agent, Boolean.TRUE.equals(spec.active()) ? token : null);
    }

    public Agent update(String id, AgentSpec incoming) {
        validate(incoming);
        Agent existing = find(id).orElseThrow(() -> ApiException.notFound());
        AgentSpec spec = keepMaskedSecrets(incoming, existing.spec());
        Update update = new Update().set("spec", spec.withId(id)).set("updatedAt", clock.instant());
        if (!Boolean.TRUE.equals(spec.active())) {
            update.unset("tokenHash"); // deactivation revokes the API token
        }
        Agent updated = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id)),
                update,
                FindAndModifyOptions.options().returnNew(true),
                Agent.class);
        if (updated == null) {
            throw ApiException.notFound();
        }
        activeAgents.changed();
        return updated;
    }

    /** Deactivates (never deletes: deliveries and leads keep referring to it) and revokes the token. */
    public void deactivate(String id) {
        var result = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update().set("spec.active", false).unset("tokenHash").set("updatedAt", clock.instant()),
                Agent.class);
        if (result.getMatchedCount() == 0) {
            throw ApiException.notFound();
        }
        activeAgents.changed();
    }

    /** Issues a new token (the old one stops working); only for active agents. */
    public String rotateToken(String id) {
        Agent agent = find(id).orElseThrow(() -> ApiException.notFound());
        if (!agent.active()) {
            throw ApiException.conflict("经纪人未启用");
        }
        String token = AgentTokens.newToken();
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update().set("tokenHash", AgentTokens.sha256(token)),
                Agent.class);
        activeAgents.changed();
        return token;
    }

    /** Upserts a configured agent: configuration is the source of truth for seeded agents' attributes. */
    public void seed(AgentSpec spec) {
        if (spec.id() == null || spec.id().isBlank()) {
            throw new IllegalStateException("notify.agents[].id is required for seeded agents");
        }
        for (String url : List.of(
                nullToEmpty(spec.channels().wecomWebhook()),
                nullToEmpty(spec.channels().dingtalkWebhook()),
                nullToEmpty(spec.channels().feishuWebhook()))) {
            String problem = webhookPolicy.check(url);
            if (problem != null) {
                throw new IllegalStateException("notify.agents[" + spec.id() + "] webhook " + problem);
            }
        }
        if (Boolean.TRUE.equals(spec.active()) && !spec.hasChannel()) {
            throw new IllegalStateException("notify.agents[" + spec.id() + "]: " + NO_CHANNEL);
        }
        Instant now = clock.instant();
        double pass = minPass();
        Update update = new Update()
                .set("spec", spec)
                .set("updatedAt", now)
                .setOnInsert("createdAt", now)
                .setOnInsert("pass", pass);
        Query query = Query.query(Criteria.where("_id").is(spec.id()));
        try {
            mongo.upsert(query, update, Agent.class);
        } catch (DuplicateKeyException raced) {
            mongo.upsert(query, update, Agent.class); // a second instance inserted it at the same moment
        }
        activeAgents.changed();
    }

    public Optional<Agent> find(String id) {
        return Optional.ofNullable(id).map(i -> mongo.findById(i, Agent.class));
    }

    public List<Agent> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Agent.class);
    }

    /** Every active agent, by id; an unmodifiable list shared between callers until an agent changes. */
    public List<Agent> active() {
        return activeAgents.get();
    }

    public Optional<Agent> byToken(String token) {
        return Optional.ofNullable(mongo.findOne(
                        Query.query(Criteria.where("tokenHash").is(AgentTokens.sha256(token))), Agent.class))
                .filter(Agent::active);
    }

    /** New agents start at the current minimum virtual time so they are not flooded to "catch up". */
    private double minPass() {
        Agent min = mongo.findOne(
                Query.query(Criteria.where("spec.active").is(true))
                        .with(Sort.by("pass"))
                        .limit(1),
                Agent.class);
        return min == null ? 0.0 : min.pass();
    }

    private void validate(AgentSpec spec) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        check(errors, "wecomWebhook", spec.channels().wecomWebhook());
        check(errors, "dingtalkWebhook", spec.channels().dingtalkWebhook());
        check(errors, "feishuWebhook", spec.channels().feishuWebhook());
        for (int i = 0; i < spec.capacity().workingHours().size(); i++) {
            if (!spec.capacity().workingHours().get(i).daysValid()) {
                errors.add(ApiException.FieldError.of(
                        "workingHours[" + i + "].days", FieldCode.INVALID_VALUE, "应为 MON…SUN"));
            }
        }
        if (spec.channels().sms()
                && (spec.channels().mobile() == null || spec.channels().mobile().isBlank())) {
            errors.add(ApiException.FieldError.of("mobile", FieldCode.REQUIRED, "启用短信时必须填写手机号"));
        } else if (Boolean.TRUE.equals(spec.active()) && !spec.hasChannel()) {
            // an agent nobody can reach would be routed leads nobody hears about
            errors.add(ApiException.FieldError.of("channels", FieldCode.REQUIRED, NO_CHANNEL));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    private void check(List<ApiException.FieldError> errors, String field, String url) {
        String problem = webhookPolicy.check(url);
        if (problem != null) {
            errors.add(new ApiException.FieldError(field, "invalid_webhook", "Webhook 地址无效：须为允许的 https 地址"));
        }
    }

    /** A PUT of what GET showed carries "***" for secrets: that means "unchanged", not a new secret. */
    private static AgentSpec keepMaskedSecrets(AgentSpec in, AgentSpec old) {
        return in.withChannels(in.channels().keepingMaskedSecretsOf(old.channels()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
