package cn.zschangfang.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the local stack lives and which ports it takes. {@link #defaults(Path)} gives the fixed ports of {@code
 * ./run.sh}; the end-to-end test builds one with free random ports so that it can run beside a running stack.
 *
 * @param projectDir the checkout: the services' jars are read from {@code <module>/target}
 * @param dataDir Kafka logs, the MongoDB-wire store and the process logs; kept between runs
 * @param extraEnv added to every service's environment (the test uses it to point the demo agent at its own robot)
 */
public record StackConfig(
        Path projectDir,
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int gatewayPort,
        int contentPort,
        int leadPort,
        int notifyPort,
        int sitePort,
        Map<String, String> extraEnv) {

    public static final String ADMIN_TOKEN = "local-admin-token";
    public static final String INTEGRATION_KEY = "local-integration-key";

    public StackConfig {
        extraEnv = Map.copyOf(extraEnv);
    }

    /**
     * The shape from before the site existed, kept so that tests written against it still compile: the site gets a
     * free ephemeral port, which is what such a test (random ports everywhere) wants.
     */
    public StackConfig(
            Path projectDir,
            Path dataDir,
            int kafkaPort,
            int kafkaControllerPort,
            int mongoPort,
            int gatewayPort,
            int contentPort,
            int leadPort,
            int notifyPort,
            Map<String, String> extraEnv) {
        this(
                projectDir,
                dataDir,
                kafkaPort,
                kafkaControllerPort,
                mongoPort,
                gatewayPort,
                contentPort,
                leadPort,
                notifyPort,
                freePort(),
                extraEnv);
    }

    public static StackConfig defaults(Path projectDir) {
        return new StackConfig(
                projectDir, projectDir.resolve("data"), 9092, 9093, 27017, 8080, 8081, 8082, 8083, 8084, Map.of());
    }

    public String kafkaBrokers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + mongoPort + "/" + database;
    }

    public String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    /** Every port with what needs it, in start order, for the "port taken" check. */
    public Map<Integer, String> ports() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(kafkaPort, "Kafka broker");
        ports.put(kafkaControllerPort, "Kafka controller");
        ports.put(mongoPort, "MongoDB-wire server");
        ports.put(contentPort, "content-service");
        ports.put(leadPort, "lead-service");
        ports.put(notifyPort, "notify-service");
        ports.put(sitePort, "site");
        ports.put(gatewayPort, "gateway");
        return ports;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
