package cn.zschangfang.faults;

import cn.zschangfang.localstack.LocalStack;
import cn.zschangfang.localstack.StackConfig;
import cn.zschangfang.platform.test.RobotStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One real stack for every class of the suite (they run in one Failsafe JVM): the broker, the MongoDB-wire server and
 * the packaged services, each its own process on a random free port, and one {@link RobotStub} for every robot.
 * Starting it costs about half a minute on two cores, so it is started once and stopped when the JVM exits.
 */
final class SharedStack {

    static final String ADMIN = StackConfig.ADMIN_TOKEN;
    static final String API_KEY = StackConfig.INTEGRATION_KEY;

    private static SharedStack instance;

    final RobotStub robots;
    final LocalStack stack;
    final StackConfig config;

    private SharedStack(RobotStub robots, LocalStack stack) {
        this.robots = robots;
        this.stack = stack;
        this.config = stack.config();
    }

    static synchronized SharedStack get() throws Exception {
        if (instance == null) {
            instance = start();
            SharedStack started = instance;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                started.stack.close();
                                started.robots.close();
                            },
                            "fault-suite-stack-stop"));
        }
        return instance;
    }

    private static SharedStack start() throws Exception {
        Path projectDir = StackConfig.projectDirOfTests();
        Path dataDir = projectDir.resolve("fault-suite/target/stack-data");
        deleteRecursively(dataDir);
        RobotStub robots = new RobotStub();
        StackConfig config = StackConfig.onFreePorts(
                projectDir,
                dataDir,
                Map.of(
                        // The two seeded agents' robots are the stub too: a lead that reaches them is seen.
                        "DEMO_AGENT_WEBHOOK", robots.url("demo-geyiming"),
                        "DUTY_MANAGER_WEBHOOK", robots.url("duty-manager"),
                        // and the demo listings' agents' robots (their towns overlap the steady stream's)
                        "DEMO_ROBOTS_URL", robots.url(""),
                        // No escalation during a run: a second message per lead would be a planned duplicate.
                        "ESCALATE_AFTER", "2h",
                        // Only loopback robots: nothing the fuzzer invents may make notify call the internet.
                        "NOTIFY_WEBHOOKS_ALLOWEDHOSTS", "robot.invalid",
                        // The suites send far more than a person would; the limits are tested at the gateway.
                        "LEAD_SPAM_PERIPPERHOUR", "10000000",
                        "LEAD_SPAM_PERPHONEPERDAY", "10000000",
                        "LEAD_SPAM_PERAPIKEYPERMINUTE", "10000000"));
        try {
            return new SharedStack(robots, LocalStack.startForTest(config, System.out));
        } catch (Exception e) {
            robots.close();
            throw e;
        }
    }

    String gatewayUrl() {
        return config.url(config.gatewayPort());
    }

    String leadUrl() {
        return config.url(config.leadPort());
    }

    String contentUrl() {
        return config.url(config.contentPort());
    }

    String notifyUrl() {
        return config.url(config.notifyPort());
    }

    String siteUrl() {
        return config.url(config.sitePort());
    }

    Path logDir() {
        return config.logDir();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
