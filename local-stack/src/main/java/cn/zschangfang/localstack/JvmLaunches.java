package cn.zschangfang.localstack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * How each JVM of the stack is started: the command (heap, collector, JIT), its environment (ports, broker, database,
 * the other services' addresses) and when it counts as ready.
 */
final class JvmLaunches {

    /** One JVM to start: a {@link ManagedProcess} runs it and restarts it when it dies. */
    record Launch(String name, List<String> command, Map<String, String> env, BooleanSupplier readiness) {}

    private static final List<String> MODULES =
            List.of("content-service", "lead-service", "notify-service", "gateway", "site");

    private final StackConfig config;
    private final HttpClient http;
    private final String java =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    JvmLaunches(StackConfig config, HttpClient http) {
        this.config = config;
        this.http = http;
    }

    String java() {
        return java;
    }

    /** The supervisor's own classpath, which the broker and the MongoDB-wire server run from as well. */
    String supervisorClasspath() {
        Path lib = config.projectDir().resolve("local-stack/target/lib");
        Path classes = config.projectDir().resolve("local-stack/target/classes");
        return classes + File.pathSeparator + lib.resolve("*");
    }

    /** Refuses to start when a service's jar has not been built, saying how to build it. */
    void checkBuilt() {
        for (String module : MODULES) {
            Path jar = jar(module);
            if (!Files.isRegularFile(jar)) {
                throw new LocalStack.StartupException(
                        jar + " is missing: build first (./run.sh does, or ./mvnw -DskipTests package)");
            }
        }
    }

    Launch mongo() {
        List<String> command = List.of(
                java,
                // Idle, its live set is under 30 MB (the documents are on disk); with G1 and 384 MB it grew to
                // 599 MB RSS (session 11), mostly garbage of its deserialising scans. But a query holds every
                // document it matches at once: at 192 MB it ran out of heap five times in one benchmark with
                // about 14,000 leads stored (session 19), so not less than 256 MB.
                "-Xms32m",
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                supervisorClasspath(),
                MongoWireServer.class.getName(),
                String.valueOf(config.mongoPort()),
                config.mongoInMemory()
                        ? MongoWireServer.IN_MEMORY
                        : config.dataDir()
                                .resolve("mongo/store.mv")
                                .toAbsolutePath()
                                .toString());
        return new Launch("mongo", command, Map.of(), () -> Ports.open(config.mongoPort()));
    }

    /**
     * One instance of content, lead and notify with a gateway in front of them, named with the suffix ({@code
     * lead-service-2}); the site is shared, it keeps no state of its own.
     */
    List<Launch> instance(String suffix, StackConfig.InstancePorts ports) {
        return List.of(
                service("content-service" + suffix, "content-service", ports.contentPort()),
                service("lead-service" + suffix, "lead-service", ports.leadPort()),
                service("notify-service" + suffix, "notify-service", ports.notifyPort()),
                service(
                        "gateway" + suffix,
                        "gateway",
                        ports.gatewayPort(),
                        Map.of(
                                "CONTENT_URL", config.url(ports.contentPort()),
                                "LEAD_URL", config.url(ports.leadPort()),
                                "NOTIFY_URL", config.url(ports.notifyPort()),
                                "SITE_URL", config.url(config.sitePort()))));
    }

    Launch service(String name, String module, int port) {
        return service(name, module, port, Map.of());
    }

    private Launch service(String name, String module, int port, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("KAFKA_BROKERS", config.serviceKafkaBrokers());
        if (config.kafkaSaslPort() > 0) {
            env.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
            env.put("KAFKA_SASL_MECHANISM", "PLAIN");
            env.put("KAFKA_SASL_JAAS_CONFIG", StackConfig.kafkaJaas(StackConfig.KAFKA_PASSWORD));
        }
        env.put("PUBLIC_BASE_URL", config.gatewayUrl());
        env.put("CONTENT_URL", config.url(config.contentPort()));
        env.put("LEAD_URL", config.url(config.leadPort()));
        env.put("NOTIFY_URL", config.url(config.notifyPort()));
        String database = switch (module) {
            case "content-service" -> "content";
            case "lead-service" -> "leads";
            case "notify-service" -> "notify";
            case "site" -> "site"; // sessions of the agent inbox and the dashboard
            default -> null;
        };
        if (database != null) {
            env.put("MONGODB_URI", config.mongoUri(database));
        }
        env.putAll(extra);
        env.putAll(config.extraEnv());
        // C1 only: six JVMs share a developer's few cores, and C2's compile threads compete with the services for
        // them. Measured on 2 cores: ready in 26 s instead of 38 s, the first lead at the robot in 1.5 s instead of
        // 1.7-2.6 s, 1,000 beacons through the gateway no slower. Production images keep the default tiered JIT;
        // SERVICE_JAVA_OPTS="-XX:TieredStopAtLevel=4" restores it here (the last flag wins).
        List<String> command = new ArrayList<>(List.of(
                java,
                // Live sets after a full benchmark are 30-67 MB of old generation: 256 MB is four times that, and
                // caps what a burst's garbage can make the heap (and the RSS) grow to. 192 MB (session 19) left each
                // service's peak RSS within 25 MB of this (lead-service 405 against 399 MB): what is above the heap
                // is metaspace (~80 MB), symbols, code and thread stacks.
                "-Xms64m",
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8"));
        String extraOpts = System.getenv("SERVICE_JAVA_OPTS");
        if (extraOpts != null && !extraOpts.isBlank()) {
            command.addAll(List.of(extraOpts.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar(module).toString()));
        return new Launch(name, command, env, () -> ready(port));
    }

    /** Runs a one-off command (formatting Kafka's storage) to completion, its output in the stack's logs. */
    int runToCompletion(String name, List<String> command) throws IOException {
        Path logFile = config.logDir().resolve(name + ".log");
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    private Path jar(String module) {
        return config.projectDir().resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
    }

    private boolean ready(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(config.url(port) + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
