package cn.zschangfang.faults;

import cn.zschangfang.localstack.DemoData;
import cn.zschangfang.localstack.LocalStack;
import cn.zschangfang.localstack.StackConfig;
import cn.zschangfang.platform.test.RedisServer;
import cn.zschangfang.platform.test.RobotStub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Two instances of content, lead and notify, each trio behind a gateway of its own ({@code gateway} and {@code
 * gateway-2}), on one broker (whose SASL listener the services use), one MongoDB-wire store and, unless {@code -Dtwo-instances.shared-store=off}, one real
 * Redis. The test plays the load balancer: it alternates requests between the two gateways, so that consecutive
 * requests of one visitor land on different instances of every service.
 */
final class TwoInstanceStack implements AutoCloseable {

    /** Messages per robot per minute: low, so that a budget kept per instance would show. */
    static final int ROBOT_LIMIT = 6;

    private static final ObjectMapper JSON = new ObjectMapper();

    final RobotStub robots;
    final LocalStack stack;
    final StackConfig config;
    final boolean sharedStore;
    private final RedisServer redis;
    private final Http http = new Http();

    /** One reply to a lead submission; {@code id} null unless accepted. */
    record Submitted(int status, String id, boolean duplicate) {}

    private TwoInstanceStack(RobotStub robots, RedisServer redis, LocalStack stack) {
        this.robots = robots;
        this.redis = redis;
        this.stack = stack;
        this.config = stack.config();
        this.sharedStore = redis != null;
    }

    static TwoInstanceStack start() throws Exception {
        boolean shared = !"off".equals(System.getProperty("two-instances.shared-store"));
        Path projectDir = StackConfig.projectDirOfTests();
        Path dataDir = projectDir.resolve("fault-suite/target/two-instance-data");
        SharedStack.deleteRecursively(dataDir);
        RedisServer redis = shared ? RedisServer.start() : null;
        RobotStub robots = new RobotStub();
        Map<String, String> env = new HashMap<>(Map.of(
                "DEMO_AGENT_WEBHOOK", robots.url("demo-geyiming"),
                "DUTY_MANAGER_WEBHOOK", robots.url("duty-manager"),
                "DEMO_ROBOTS_URL", robots.url(""),
                "NOTIFY_WEBHOOKS_ALLOWEDHOSTS", "robot.invalid",
                "NOTIFY_DELIVERY_ROBOTLIMITPERMINUTE", String.valueOf(ROBOT_LIMIT),
                // Every lead not acknowledged within 20 s is escalated, in one step: the duty manager is told once.
                "ESCALATE_AFTER", "20s",
                "NOTIFY_ACK_MAXESCALATIONS", "0"));
        if (redis != null) {
            env.put("REDIS_URL", redis.url());
        }
        // and on Kafka's SASL listener, as against a managed Kafka: every client of every instance authenticates
        StackConfig config = StackConfig.onFreePorts(projectDir, dataDir, env)
                .withSecondInstances()
                .withKafkaSasl();
        try {
            return new TwoInstanceStack(robots, redis, LocalStack.startForTest(config, System.out));
        } catch (Exception e) {
            robots.close();
            if (redis != null) {
                redis.close();
            }
            throw e;
        }
    }

    /** The first gateway for even {@code n}, the second for odd. */
    String gateway(int n) {
        return n % 2 == 0
                ? config.url(config.gatewayPort())
                : config.url(config.second().gatewayPort());
    }

    String lead(int n) {
        return n % 2 == 0
                ? config.url(config.leadPort())
                : config.url(config.second().leadPort());
    }

    String notify(int n) {
        return n % 2 == 0
                ? config.url(config.notifyPort())
                : config.url(config.second().notifyPort());
    }

    void createAgent(String id, String town, int weight) throws IOException {
        Agents.create(notify(0), robots, id, town, weight);
    }

    /** A lead with the integration key to {@code baseUrl} (a gateway or a lead-service instance). */
    Submitted submit(String baseUrl, String town, String phone) {
        String body = """
                {"intent":"LEASE","propertyType":"WAREHOUSE","town":"%s","areaSqm":{"min":800,"max":1500},
                 "use":"电商仓储","company":"中山市双实例物流有限公司","contactName":"欧阳翎翊","phone":"%s",
                 "visitorId":"ti-%s","consent":true}
                """.formatted(town, phone, UUID.randomUUID());
        Http.Reply reply = http.post(baseUrl + "/api/leads", body, Map.of("X-Api-Key", StackConfig.INTEGRATION_KEY));
        if (reply.status() != 201 && reply.status() != 200) {
            return new Submitted(reply.status(), null, false);
        }
        try {
            JsonNode json = JSON.readTree(reply.body());
            return new Submitted(
                    reply.status(),
                    json.path("id").asText(null),
                    json.path("duplicate").asBoolean(false));
        } catch (IOException e) {
            return new Submitted(reply.status(), null, false);
        }
    }

    int beacon(String gateway, String visitor) {
        return http.post(
                        gateway + "/api/content/articles/" + DemoData.SEED_ARTICLE + "/views",
                        "{\"visitorId\":\"" + visitor + "\"}",
                        Map.of())
                .status();
    }

    /** The seed article's count as the first gateway shows it; -1 when unreadable. */
    long views() {
        Http.Reply reply = http.get(gateway(0) + "/api/content/articles/" + DemoData.SEED_ARTICLE, Map.of());
        try {
            return reply.status() == 200
                    ? JSON.readTree(reply.body()).path("views").asLong(-1)
                    : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    Http.Reply post(String url, String json) {
        return http.post(url, json, Map.of());
    }

    /** The sum of a counter's series in one instance's Prometheus scrape (0 when it has none yet). */
    double metric(String baseUrl, String name) {
        Http.Reply reply = http.get(baseUrl + "/actuator/prometheus", Map.of());
        if (reply.status() != 200) {
            throw new IllegalStateException(baseUrl + "/actuator/prometheus answered " + reply.status());
        }
        return reply.body()
                .lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Override
    public void close() throws Exception {
        stack.close();
        robots.close();
        if (redis != null) {
            redis.close();
        }
    }
}
