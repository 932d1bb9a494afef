package cn.zschangfang.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack lives and which ports it takes. {@link #defaults(Path)} gives the fixed ports of {@code
 * ./run.sh}; {@link #onFreePorts} gives random free ones for tests.
 *
 * @param projectDir the checkout: the services' jars are read from {@code <module>/target}
 * @param dataDir Kafka logs, the MongoDB-wire store and the process logs; kept between runs
 * @param extraEnv added to every service's environment (the test uses it to point the demo agent at its own robot)
 * @param kafkaSaslPort a second broker listener that authenticates (SASL PLAIN), which the services then use
 *     instead of the plaintext one, as against a managed Kafka; 0 for none. The supervisor and the tests' own clients
 *     stay on {@link #kafkaBrokers()}
 * @param second the ports of a second instance of content, lead and notify and of a second gateway in front of
 *     them, or null for one of each ({@code ./run.sh --instances 2}, and the two-instance test)
 * @param mongoInMemory the MongoDB-wire stand-in keeps nothing on disk ({@code ./run.sh --in-memory}): for
 *     benchmarks of the services without the cost of the stand-in's disk store
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
        Map<String, String> extraEnv,
        int kafkaSaslPort,
        InstancePorts second,
        boolean mongoInMemory) {

    public static final String ADMIN_TOKEN = "local-admin-token";
    public static final String INTEGRATION_KEY = "local-integration-key";
    /** The one SASL PLAIN user of {@link #withKafkaSasl()}: a development secret, like the two above. */
    public static final String KAFKA_USER = "lead-platform";

    public static final String KAFKA_PASSWORD = "local-kafka-secret";

    /** Where the second instances listen; {@code gateway-2} routes to {@code content-service-2} and the others. */
    public record InstancePorts(int gatewayPort, int contentPort, int leadPort, int notifyPort) {}

    public StackConfig {
        extraEnv = Map.copyOf(extraEnv);
    }

    /**
     * The project a test's stack runs from: {@code -Dlocalstack.project-dir} (the build sets it to the project root),
     * else the parent of the module directory a test runs in.
     */
    public static Path projectDirOfTests() {
        return Path.of(System.getProperty("localstack.project-dir", ".."))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * A stack on random free ports, so that a test can run beside a running {@code ./run.sh} or another test's
     * stack. The ports are held together while they are chosen, so that no two of them are the same.
     */
    public static StackConfig onFreePorts(Path projectDir, Path dataDir, Map<String, String> extraEnv) {
        int[] ports = freePorts(8);
        return new StackConfig(
                projectDir,
                dataDir,
                ports[0],
                ports[1],
                ports[2],
                ports[3],
                ports[4],
                ports[5],
                ports[6],
                ports[7],
                extraEnv,
                0,
                null,
                false);
    }

    /** This stack with a second instance of content, lead and notify and a second gateway, on free ports. */
    public StackConfig withSecondInstances() {
        int[] ports = freePorts(4);
        return withSecondInstances(new InstancePorts(ports[0], ports[1], ports[2], ports[3]));
    }

    public StackConfig withSecondInstances(InstancePorts ports) {
        return with(kafkaSaslPort, ports);
    }

    /** This stack with the services on a SASL listener of the broker (on a free port), as against a managed Kafka. */
    public StackConfig withKafkaSasl() {
        return with(freePorts(1)[0], second);
    }

    /** This stack with the MongoDB-wire stand-in in memory only. */
    public StackConfig withMongoInMemory() {
        return with(kafkaSaslPort, second, true);
    }

    private StackConfig with(int saslPort, InstancePorts secondPorts) {
        return with(saslPort, secondPorts, mongoInMemory);
    }

    /** A copy that differs in the options a test adds to a stack on free ports. */
    private StackConfig with(int saslPort, InstancePorts secondPorts, boolean inMemory) {
        return new StackConfig(
                projectDir,
                dataDir,
                kafkaPort,
                kafkaControllerPort,
                mongoPort,
                gatewayPort,
                contentPort,
                leadPort,
                notifyPort,
                sitePort,
                extraEnv,
                saslPort,
                secondPorts,
                inMemory);
    }

    /** Where the services connect: the SASL listener when there is one. */
    public String serviceKafkaBrokers() {
        return kafkaSaslPort > 0 ? "127.0.0.1:" + kafkaSaslPort : kafkaBrokers();
    }

    /** The JAAS line of {@link #KAFKA_USER} with a password, as a managed Kafka's console gives it. */
    public static String kafkaJaas(String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + KAFKA_USER
                + "\" password=\"" + password + "\";";
    }

    /** {@code ./run.sh --instances 2}: the second instances beside the first ones' fixed ports. */
    public StackConfig withDefaultSecondInstances() {
        return withSecondInstances(new InstancePorts(8180, 8181, 8182, 8183));
    }

    public static StackConfig defaults(Path projectDir) {
        return new StackConfig(
                projectDir,
                projectDir.resolve("data"),
                9092,
                9093,
                27017,
                8080,
                8081,
                8082,
                8083,
                8084,
                Map.of(),
                0,
                null,
                false);
    }

    /** Where each part of the stack writes its output, one {@code <name>.log} per process. */
    public Path logDir() {
        return dataDir.resolve("logs");
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
        if (kafkaSaslPort > 0) {
            ports.put(kafkaSaslPort, "Kafka SASL listener");
        }
        ports.put(mongoPort, "MongoDB-wire server");
        ports.put(contentPort, "content-service");
        ports.put(leadPort, "lead-service");
        ports.put(notifyPort, "notify-service");
        ports.put(sitePort, "site");
        ports.put(gatewayPort, "gateway");
        if (second != null) {
            ports.put(second.contentPort(), "content-service-2");
            ports.put(second.leadPort(), "lead-service-2");
            ports.put(second.notifyPort(), "notify-service-2");
            ports.put(second.gatewayPort(), "gateway-2");
        }
        return ports;
    }

    static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 0, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a socket that cannot close still gave its port number; the service binds it later
                }
            }
        }
    }
}
