package cn.zschangfang.notify.routing;

import cn.zschangfang.notify.agent.AgentPasses;
import cn.zschangfang.notify.agent.AgentRegistry;
import cn.zschangfang.notify.agent.WebhookPolicy;
import cn.zschangfang.notify.channel.Channels;
import cn.zschangfang.notify.channel.RobotHttp;
import cn.zschangfang.notify.channel.sms.AliyunSmsChannel;
import cn.zschangfang.notify.channel.wecom.WecomRobotChannel;
import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.support.AgentSpecBuilder;
import cn.zschangfang.notify.support.TestProperties;
import cn.zschangfang.notify.support.WireDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Routers wired as notify wires them, over a database of each test's own (register with {@code @RegisterExtension}):
 * WeCom robots and SMS, {@code duty} the duty manager, robots on loopback allowed (the tests' robot addresses are
 * never called).
 */
final class TestRouters implements BeforeEachCallback, AfterEachCallback {

    private final WireDatabase database;
    private String town;

    TestRouters(String databasePrefix) {
        database = new WireDatabase(databasePrefix);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database.beforeEach(context);
        town = "镇-" + UUID.randomUUID();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        database.afterEach(context);
    }

    MongoTemplate mongo() {
        return database.mongo();
    }

    /** A town of this test's own. */
    String town() {
        return town;
    }

    static NotifyProperties properties() {
        return TestProperties.notify(
                Map.of("notify.duty-manager-id", "duty", "notify.webhooks.allow-loopback", "true"));
    }

    /** @param routing {@code notify.routing.*} overrides, bound as Spring Boot binds them */
    Router router(Map<String, String> routing, Instant now) {
        NotifyProperties p = properties();
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new Router(
                new AgentRegistry(mongo(), new WebhookPolicy(p), clock),
                new AgentPasses(mongo()),
                new Channels(List.of(new WecomRobotChannel(new RobotHttp(p)), new AliyunSmsChannel(p))),
                new LeadCases(mongo()),
                p,
                TestProperties.routing(routing),
                clock);
    }

    void seed(AgentSpecBuilder spec) {
        new AgentRegistry(mongo(), new WebhookPolicy(properties()), Clock.systemUTC()).seed(spec.build());
    }
}
