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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Routers wired as notify wires them, over a test's database: WeCom robots and SMS, {@code duty} the duty manager,
 * robots on loopback allowed (the tests' robot addresses are never called).
 */
final class TestRouters {

    private TestRouters() {}

    static NotifyProperties properties() {
        return TestProperties.notify(
                Map.of("notify.duty-manager-id", "duty", "notify.webhooks.allow-loopback", "true"));
    }

    /** @param routing {@code notify.routing.*} overrides, bound as Spring Boot binds them */
    static Router router(MongoTemplate mongo, Map<String, String> routing, Instant now) {
        NotifyProperties p = properties();
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new Router(
                new AgentRegistry(mongo, new WebhookPolicy(p), clock),
                new AgentPasses(mongo),
                new Channels(List.of(new WecomRobotChannel(new RobotHttp(p)), new AliyunSmsChannel(p))),
                new LeadCases(mongo),
                p,
                TestProperties.routing(routing),
                clock);
    }

    static void seed(MongoTemplate mongo, AgentSpecBuilder spec) {
        new AgentRegistry(mongo, new WebhookPolicy(properties()), Clock.systemUTC()).seed(spec.build());
    }
}
