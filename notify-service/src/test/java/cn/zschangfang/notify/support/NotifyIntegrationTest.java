package cn.zschangfang.notify.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.notify.agent.AgentRegistry;
import cn.zschangfang.platform.test.KafkaProbe;
import cn.zschangfang.platform.test.MongoWireDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a real (embedded KRaft) Kafka broker and the MongoDB-wire server, with a local HTTP server
 * standing in for the robots. Subclasses share one context (and broker); each test isolates itself by using its
 * own town, agents and robot paths.
 */
@NotifyServiceTest(
        properties = {
            "notify.sandbox.enabled=true",
            "notify.delivery.initial-backoff=200ms",
            "notify.delivery.max-backoff=1s",
        })
@MongoWireDatabase("notify-it")
public abstract class NotifyIntegrationTest {

    protected static final FakeRobot ROBOT = new FakeRobot();
    protected static final String ADMIN = "Bearer test-admin-token-9f3";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @Autowired
    protected AgentRegistry registry;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        seedDutyManager(registry, ROBOT.url("/duty"));
    }

    /** Seeds the duty manager ({@code duty-manager}) with this WeChat Work webhook; also for contexts of their own. */
    public static void seedDutyManager(DynamicPropertyRegistry registry, String webhook) {
        // a list is bound from one property source only: the whole seeded agent is defined here
        registry.add("notify.agents[0].id", () -> "duty-manager");
        registry.add("notify.agents[0].name", () -> "值班经理");
        registry.add("notify.agents[0].role", () -> "MANAGER");
        registry.add("notify.agents[0].channels.wecom-webhook", () -> webhook);
    }

    /** A request to this instance's HTTP API; {@code authorization} and the JSON {@code body} may be null. */
    protected HttpResponse<String> call(String method, String path, String authorization, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return call("GET", path, null, null);
    }

    protected String brokers() {
        return broker.getBrokersAsString();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An active agent covering {@code town} only, whose WeChat Work robot is {@code ROBOT.url(path)}. */
    protected String agent(String town, String path, UnaryOperator<AgentSpecBuilder> customise) {
        AgentSpecBuilder spec =
                AgentSpecBuilder.agent(unique("agent")).wecom(ROBOT.url(path)).towns(List.of(town));
        return registry.create(customise.apply(spec).build()).agent().id();
    }

    protected String agent(String town, String path) {
        return agent(town, path, s -> s);
    }

    /**
     * A {@code lead.captured} payload as lead-service writes it, plus a field it does not write yet: intake must read
     * past both. Also for contexts of their own.
     */
    public static String leadJson(String leadId, String eventId, String town, String message) {
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return """
                {"eventId":"%s","occurredAt":"%s","leadId":"%s","receivedAt":"%s","intent":"LEASE",
                 "propertyType":"FACTORY","town":"%s","areaSqm":{"min":1000,"max":2000},"areaMu":null,
                 "use":"五金加工","expectedAnnualTaxWan":50,"company":"中山某五金有限公司",
                 "contactNameMasked":"张*","phoneMasked":"138****9793","message":"%s",
                 "sourceArticle":"some-article","visitorId":"v-1","channel":"web","score":82,
                 "scoreReasons":["tax"],"interests":{"articles":[],"tags":[],"towns":[]},"futureField":{"x":1}}
                """.formatted(eventId, Instant.now(), leadId, Instant.now(), town, escaped);
    }

    protected void publishLead(String leadId, String town, String message) {
        String eventId = UUID.randomUUID().toString();
        KafkaProbe.send(brokers(), "lead.captured", leadId, leadJson(leadId, eventId, town, message), eventId);
    }

    /** Publishes a lead for {@code town} and waits for its one message at the robot {@code path}; its id. */
    protected String deliveredLead(String town, String path, String message) {
        String leadId = UUID.randomUUID().toString();
        publishLead(leadId, town, message);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> robotGot(path, leadId).size() == 1);
        return leadId;
    }

    /** A lead for a new agent, the only one of its town: the town, the agent, its robot's path and the lead. */
    protected record AgentLead(String town, String agentId, String path, String leadId) {}

    /**
     * Publishes a lead for a new agent of a new town named after {@code townPrefix}, whose robot first answers
     * {@code replies} (then "ok"); does not wait for it.
     */
    protected AgentLead leadForNewAgent(String townPrefix, String message, FakeRobot.Reply... replies) {
        return leadForNewAgent(townPrefix, message, s -> s, replies);
    }

    /** {@link #leadForNewAgent(String, String, FakeRobot.Reply...)} for an agent {@code customise}d beyond the default. */
    protected AgentLead leadForNewAgent(
            String townPrefix, String message, UnaryOperator<AgentSpecBuilder> customise, FakeRobot.Reply... replies) {
        String town = unique(townPrefix);
        String path = "/r/" + UUID.randomUUID();
        if (replies.length > 0) {
            ROBOT.script(path, replies);
        }
        String agentId = agent(town, path, customise);
        String leadId = UUID.randomUUID().toString();
        publishLead(leadId, town, message);
        return new AgentLead(town, agentId, path, leadId);
    }

    /** {@link #leadForNewAgent} with a robot that answers "ok", waiting for the one message it gets. */
    protected AgentLead leadToNewAgent(String townPrefix, String message) {
        AgentLead lead = leadForNewAgent(townPrefix, message);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> robotGot(lead.path(), lead.leadId()).size() == 1);
        return lead;
    }

    /** The acknowledgement link ({@code /ack/<token>}, on the portal) in the robot's first message of the lead. */
    protected String ackPath(AgentLead lead) {
        Matcher link = Pattern.compile("https://portal\\.example(/ack/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)")
                .matcher(robotGot(lead.path(), lead.leadId()).get(0).body());
        assertThat(link.find()).as("acknowledgement link in the message").isTrue();
        return link.group(1);
    }

    /**
     * Waits until every {@code lead.captured} record published before has been consumed: a marker lead published
     * now, for an agent of its own, has reached that agent (the topic has one partition, so it came last).
     */
    protected void awaitEarlierLeadsConsumed() {
        leadToNewAgent("标记镇", "marker");
    }

    /**
     * {@link KafkaProbe#read} of the records of {@code topic} about the lead (notify keys all it publishes by lead
     * id) whose value contains {@code containing}, for at least {@code count} of them within {@code within}.
     */
    protected List<ConsumerRecord<String, String>> published(
            String topic, String leadId, String containing, int count, Duration within) {
        return KafkaProbe.read(
                brokers(), topic, r -> leadId.equals(r.key()) && r.value().contains(containing), count, within);
    }

    protected List<ConsumerRecord<String, String>> published(String topic, String leadId, int count, Duration within) {
        return published(topic, leadId, "", count, within);
    }

    protected List<FakeRobot.Request> robotGot(String path, String leadId) {
        return ROBOT.received(path).stream()
                .filter(r -> r.body().contains(leadId))
                .toList();
    }
}
