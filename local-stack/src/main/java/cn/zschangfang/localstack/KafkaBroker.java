package cn.zschangfang.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single combined broker/controller KRaft node run from Apache Kafka's own jars: the same broker as production,
 * one node instead of three. Its storage is formatted on the first run only, so topics and offsets survive restarts.
 */
final class KafkaBroker {

    /** Created up front so consumers start on the partition count production uses, whoever binds first. */
    static final List<String> TOPICS = List.of(
            "content.article-viewed",
            "lead.captured",
            "lead.status-changed",
            "lead.listing-matched",
            "lead.routed",
            "notify.delivery",
            "lead.captured.dlq");

    private static final int PARTITIONS = 6;

    private final StackConfig config;
    private final Path logDir;
    private final Path propertiesFile;

    KafkaBroker(StackConfig config) {
        this.config = config;
        this.logDir = config.dataDir().resolve("kafka").toAbsolutePath();
        this.propertiesFile =
                config.dataDir().resolve("kafka-server.properties").toAbsolutePath();
    }

    /** Writes the broker's properties and formats its storage if this is the first run; returns the run command. */
    List<String> prepare(String java, String classpath, CommandRunner processes) throws IOException {
        Files.createDirectories(logDir);
        Files.writeString(propertiesFile, serverProperties(), StandardCharsets.UTF_8);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int exit = processes.runToCompletion(
                    "kafka-format",
                    List.of(
                            java,
                            "-cp",
                            classpath,
                            "kafka.tools.StorageTool",
                            "format",
                            "--standalone",
                            "-t",
                            Uuid.randomUuid().toString(),
                            "-c",
                            propertiesFile.toString()));
            if (exit != 0) {
                throw new IOException(
                        "formatting Kafka storage failed (exit " + exit + "), see data/logs/kafka-format.log");
            }
        }
        return List.of(
                java,
                // About 50 MB live after a full benchmark besides the log cleaner's buffer (below). Serial, as every
                // JVM of the stack: G1's remembered sets and its parallel workers cost native memory and threads
                // that one broker with a few partitions does not need (peak RSS 335 -> 317 MB, session 19).
                "-Xms64m",
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                classpath,
                "kafka.Kafka",
                propertiesFile.toString());
    }

    private String serverProperties() {
        String controller = "127.0.0.1:" + config.kafkaControllerPort();
        String broker = "127.0.0.1:" + config.kafkaPort();
        // The SASL listener (StackConfig.withKafkaSasl) is for the services only: the broker talks to itself and the
        // supervisor to it on PLAINTEXT. PLAIN with one user defined inline, as a managed Kafka's SCRAM users are.
        String sasl = config.kafkaSaslPort() > 0 ? ",SASL_PLAINTEXT://127.0.0.1:" + config.kafkaSaslPort() : "";
        String saslSettings = config.kafkaSaslPort() > 0
                ? String.join(
                        "\n",
                        "sasl.enabled.mechanisms=PLAIN",
                        "listener.name.sasl_plaintext.sasl.enabled.mechanisms=PLAIN",
                        "listener.name.sasl_plaintext.plain.sasl.jaas.config="
                                + "org.apache.kafka.common.security.plain.PlainLoginModule required user_"
                                + StackConfig.KAFKA_USER + "=\"" + StackConfig.KAFKA_PASSWORD + "\";")
                : "";
        return String.join(
                "\n",
                "# Written by the local stack on every start; edit StackConfig/KafkaBroker instead.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=" + controller,
                "listeners=PLAINTEXT://" + broker + sasl + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + broker + sasl,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                saslSettings,
                "log.dirs=" + logDir,
                "num.partitions=" + PARTITIONS,
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "min.insync.replicas=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                // The compaction cleaner's dedupe buffer is a heap array allocated at start: 128 MB by default, 150
                // of the broker's 190 MB live heap here, for compacted topics (consumer offsets) of a few MB.
                "log.cleaner.dedupe.buffer.size=16777216",
                "");
    }

    /** Ready when the broker answers a metadata request; then makes sure the platform's topics exist. */
    boolean isReady() {
        // A closed port is the common case while the broker boots: skip the admin client and its reconnect noise.
        if (!Ports.open(config.kafkaPort())) {
            return false;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBrokers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            for (String topic : TOPICS) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                            .all()
                            .get(5, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
