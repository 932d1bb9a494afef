package cn.zschangfang.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The embedded default behind {@code ./run.sh}: starts a Kafka broker from Apache's jars, the MongoDB-wire server
 * on disk, the four services and the site, each in its own JVM as in production; shows progress; restarts whatever dies; stops
 * everything on Ctrl-C or SIGTERM. Development only: production is {@code docker-compose.yml}.
 */
public final class LocalStack implements AutoCloseable {

    static final String SEED_ARTICLE = "zhongshan-village-industrial-park-renovation-shunde-model";

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(150);
    private static final List<String> SERVICES = List.of("content-service", "lead-service", "notify-service");

    private final StackConfig config;
    private final ProgressLog log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
    private final String java =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    static {
        // The supervisor's own Kafka admin client logs through slf4j-simple: keep the progress lines readable.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
    }

    private LocalStack(StackConfig config, PrintStream out) {
        this.config = config;
        this.log = new ProgressLog(out);
    }

    public static void main(String[] args) throws Exception {
        Path projectDir = Path.of(System.getProperty("localstack.project-dir", "."))
                .toAbsolutePath()
                .normalize();
        StackConfig config = StackConfig.defaults(projectDir);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--in-memory")) {
                config = config.withMongoInMemory();
            } else if (args[i].equals("--instances") && i + 1 < args.length && args[i + 1].matches("[12]")) {
                if (args[++i].equals("2")) {
                    config = config.withDefaultSecondInstances();
                }
            } else {
                System.err.println("usage: ./run.sh [--instances 1|2] [--in-memory]");
                System.exit(2);
            }
        }
        LocalStack stack = new LocalStack(config, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (StartupException e) {
            stack.log.line("cannot start: " + e.getMessage());
            System.exit(1);
        }
        stack.printWhereToLook();
        // The shutdown hook does the stopping; this thread only keeps the JVM alive while the children run.
        Thread.currentThread().join();
    }

    /** Starts a stack for a test and returns once every part is ready. */
    public static LocalStack startForTest(StackConfig config, PrintStream out) throws Exception {
        LocalStack stack = new LocalStack(config, out);
        try {
            stack.start();
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    public StackConfig config() {
        return config;
    }

    /**
     * Kills one part as a crash would (kafka, mongo, content-service, lead-service, notify-service, gateway, site;
     * with second instances also content-service-2, lead-service-2, notify-service-2, gateway-2).
     */
    public void crash(String name) {
        processes.get(name).kill();
    }

    /** For the fault tests: stops one part as an operator would (SIGTERM) and keeps it down until resumed. */
    public void stop(String name) throws InterruptedException {
        ManagedProcess process = processes.get(name);
        process.requestStop();
        process.awaitStopped();
    }

    /** For the fault tests: starts a part stopped with {@link #stop(String)} again, supervised as before. */
    public void resume(String name) throws IOException {
        processes.get(name).resume();
    }

    public boolean awaitReady(String name, Duration timeout) throws InterruptedException {
        return processes.get(name).awaitReady(timeout);
    }

    void start() throws Exception {
        log.line("local stack: data in " + config.dataDir() + " (kept between runs; delete it to start over)");
        stopLeftovers();
        checkPortsFree();
        Path lib = config.projectDir().resolve("local-stack/target/lib");
        Path classes = config.projectDir().resolve("local-stack/target/classes");
        for (String module : modules()) {
            Path jar = jar(module);
            if (!Files.isRegularFile(jar)) {
                throw new StartupException(
                        jar + " is missing: build first (./run.sh does, or ./mvnw -DskipTests package)");
            }
        }
        String classpath = classes + File.pathSeparator + lib.resolve("*");

        KafkaBroker kafka = new KafkaBroker(config);
        List<String> kafkaCommand = kafka.prepare(java, classpath, this::runToCompletion);
        ManagedProcess kafkaProcess = register("kafka", kafkaCommand, Map.of(), kafka::isReady);
        ManagedProcess mongoProcess = register(
                "mongo",
                List.of(
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
                        classpath,
                        MongoWireServer.class.getName(),
                        String.valueOf(config.mongoPort()),
                        config.mongoInMemory()
                                ? MongoWireServer.IN_MEMORY
                                : config.dataDir()
                                        .resolve("mongo/store.mv")
                                        .toAbsolutePath()
                                        .toString()),
                Map.of(),
                () -> portOpen(config.mongoPort()));
        startAll(
                List.of(kafkaProcess, mongoProcess),
                "127.0.0.1:" + config.kafkaPort() + ", mongodb://127.0.0.1:" + config.mongoPort());

        List<ManagedProcess> services = new ArrayList<>();
        services.add(service("content-service", "content-service", config.contentPort()));
        services.add(service("lead-service", "lead-service", config.leadPort()));
        services.add(service("notify-service", "notify-service", config.notifyPort()));
        services.add(
                gateway("gateway", config.gatewayPort(), config.contentPort(), config.leadPort(), config.notifyPort()));
        services.add(service("site", "site", config.sitePort()));
        startAll(services, "the four services and the site, each in its own JVM");
        StackConfig.InstancePorts second = config.second();
        if (second != null) {
            // After the first ones, not beside them: eight JVMs starting at once on two cores exceed the step timeout.
            startAll(
                    List.of(
                            service("content-service-2", "content-service", second.contentPort()),
                            service("lead-service-2", "lead-service", second.leadPort()),
                            service("notify-service-2", "notify-service", second.notifyPort()),
                            gateway(
                                    "gateway-2",
                                    second.gatewayPort(),
                                    second.contentPort(),
                                    second.leadPort(),
                                    second.notifyPort())),
                    "second instances of content, lead and notify behind a second gateway");
        }
        importDemoContent();
        writePids();
    }

    /** A gateway in front of one instance of each service (the site is shared: it keeps no state of its own). */
    private ManagedProcess gateway(String name, int port, int content, int lead, int notify) {
        return service(
                name,
                "gateway",
                port,
                Map.of(
                        "CONTENT_URL", config.url(content),
                        "LEAD_URL", config.url(lead),
                        "NOTIFY_URL", config.url(notify),
                        "SITE_URL", config.url(config.sitePort())));
    }

    private ManagedProcess service(String name, String module, int port) {
        return service(name, module, port, Map.of());
    }

    private List<String> modules() {
        List<String> modules = new ArrayList<>(SERVICES);
        modules.add("gateway");
        modules.add("site");
        return modules;
    }

    private Path jar(String module) {
        return config.projectDir().resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
    }

    private ManagedProcess service(String name, String module, int port, Map<String, String> extra) {
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
        return register(name, command, env, () -> healthy(port));
    }

    private ManagedProcess register(
            String name, List<String> command, Map<String, String> env, BooleanSupplier readiness) {
        List<String> detached = new ArrayList<>();
        // Its own session, so that Ctrl-C reaches only the supervisor, which then stops the children in order.
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            detached.add("/usr/bin/setsid");
        }
        detached.addAll(command);
        ManagedProcess process = new ManagedProcess(
                name, detached, env, config.projectDir(), logDir().resolve(name + ".log"), readiness, log);
        processes.put(name, process);
        return process;
    }

    private void startAll(List<ManagedProcess> group, String what) throws Exception {
        for (ManagedProcess process : group) {
            log.line(String.format("%-15s starting", process.name()));
            process.start();
        }
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (ManagedProcess process : group) {
            double started = log.elapsedSeconds();
            waits.add(CompletableFuture.runAsync(() -> {
                try {
                    if (!process.awaitReady(STEP_TIMEOUT)) {
                        throw new StartupException(process.name() + " did not become ready within "
                                + STEP_TIMEOUT.toSeconds() + " s; see " + process.logFile());
                    }
                    log.line(String.format("%-15s ready in %.1f s", process.name(), log.elapsedSeconds() - started));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StartupException(process.name() + " start interrupted");
                }
            }));
        }
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof StartupException startup) {
                throw startup;
            }
            throw e;
        }
        log.line("ready: " + what);
    }

    private void importDemoContent() throws IOException, InterruptedException {
        importDemo("/demo/articles.json", "/api/content/admin/import", "demo content");
        // About thirty demo listings across the towns, published (and announced to lead-service) on import.
        importDemo("/demo/listings.json", "/api/content/admin/listings/import", "demo listings");
    }

    private void importDemo(String resource, String path, String what) throws IOException, InterruptedException {
        byte[] body;
        try (InputStream in = LocalStack.class.getResourceAsStream(resource)) {
            body = in.readAllBytes();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.url(config.contentPort()) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + StackConfig.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
            log.line(what + " imported: " + response.body());
        } else {
            log.line(what + " import answered HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    private void printWhereToLook() {
        String gateway = config.gatewayUrl();
        log.raw(String.join(
                "\n",
                "",
                String.format("Local stack ready in %.1f s. Logs: %s", log.elapsedSeconds(), logDir()),
                "  Portal (site)          " + gateway + "/   and the seed article " + gateway + "/articles/"
                        + SEED_ARTICLE,
                "  Front door (gateway)   " + gateway,
                "  API docs (Swagger UI)  " + gateway + "/swagger-ui.html",
                "  Seed article (API)     " + gateway + "/api/content/articles/" + SEED_ARTICLE,
                "  Agent sandbox inbox    " + gateway + "/api/notify/sandbox/messages",
                "  Kafka broker           " + config.kafkaBrokers() + "   (kcat -C -b " + config.kafkaBrokers()
                        + " -t lead.captured -J)",
                "  MongoDB (wire stand-in) mongodb://127.0.0.1:" + config.mongoPort()
                        + (config.mongoInMemory() ? " (--in-memory: nothing is kept when the stack stops)" : ""),
                "  Services               content " + config.url(config.contentPort()) + ", lead "
                        + config.url(config.leadPort()) + ", notify " + config.url(config.notifyPort()) + ", site "
                        + config.url(config.sitePort()),
                config.second() == null
                        ? "  (one instance of each; ./run.sh --instances 2 adds a second of each behind a second gateway)"
                        : "  Second instances       gateway "
                                + config.url(config.second().gatewayPort())
                                + " -> content " + config.url(config.second().contentPort()) + ", lead "
                                + config.url(config.second().leadPort()) + ", notify "
                                + config.url(config.second().notifyPort()) + " (shared state needs REDIS_URL)",
                "Development secrets (local profile only): admin token " + StackConfig.ADMIN_TOKEN
                        + ", integration API key " + StackConfig.INTEGRATION_KEY,
                "Submit a lead:",
                "  curl -i " + gateway + "/api/leads -H 'Content-Type: application/json' -H 'X-Api-Key: "
                        + StackConfig.INTEGRATION_KEY + "' \\",
                "    -d '{\"intent\":\"LEASE\",\"propertyType\":\"FACTORY\",\"town\":\"沙溪\",\"areaSqm\":{\"min\":2000,\"max\":5000},"
                        + "\"contactName\":\"张三\",\"phone\":\"13800138000\",\"consent\":true}'",
                "Ctrl-C (or SIGTERM) stops everything.",
                ""));
    }

    @Override
    public void close() {
        List<ManagedProcess> all = new ArrayList<>(processes.values());
        if (all.isEmpty()) {
            return;
        }
        log.line("stopping…");
        // Services first (they flush their outboxes and commit offsets), then the broker and the store.
        List<ManagedProcess> services =
                all.stream().filter(p -> !isInfrastructure(p)).collect(Collectors.toList());
        List<ManagedProcess> infrastructure =
                all.stream().filter(LocalStack::isInfrastructure).toList();
        stopGroup(services);
        stopGroup(infrastructure);
        processes.clear();
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // Only a hint for the next start.
        }
        log.line("stopped");
    }

    private static boolean isInfrastructure(ManagedProcess process) {
        return process.name().equals("kafka") || process.name().equals("mongo");
    }

    private void stopGroup(List<ManagedProcess> group) {
        group.forEach(ManagedProcess::requestStop);
        for (ManagedProcess process : group) {
            try {
                process.awaitStopped();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void checkPortsFree() {
        for (Map.Entry<Integer, String> port : config.ports().entrySet()) {
            try (ServerSocket socket = new ServerSocket()) {
                // As the servers themselves bind: connections of a stack that just stopped, left in TIME_WAIT on the
                // port, must not count as "in use"; a listener still does.
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port.getKey()));
            } catch (IOException e) {
                throw new StartupException("port " + port.getKey() + " (" + port.getValue()
                        + ") is already in use. Is another ./run.sh running? Stop whatever holds it and retry.");
            }
        }
    }

    /** A stack that was killed with SIGKILL leaves its children behind: stop them before taking their ports. */
    private void stopLeftovers() throws IOException {
        Path pids = pidFile();
        if (!Files.exists(pids)) {
            return;
        }
        for (String line : Files.readAllLines(pids)) {
            if (line.isBlank()) {
                continue;
            }
            ProcessHandle.of(Long.parseLong(line.trim()))
                    .filter(h -> h.info()
                            .commandLine()
                            .map(c -> c.contains(config.projectDir().toString()))
                            .orElse(false))
                    .ifPresent(h -> {
                        log.line("stopping process " + h.pid() + " left over from an earlier run");
                        h.destroy();
                        h.onExit()
                                .orTimeout(20, TimeUnit.SECONDS)
                                .exceptionally(t -> {
                                    h.destroyForcibly();
                                    return h;
                                })
                                .join();
                    });
        }
        Files.delete(pids);
    }

    private void writePids() throws IOException {
        // Best effort: the pids of what is running now, read back only by stopLeftovers().
        StringBuilder pids = new StringBuilder();
        ProcessHandle.current()
                .children()
                .forEach(child -> pids.append(child.pid()).append('\n'));
        Files.writeString(pidFile(), pids.toString(), StandardCharsets.UTF_8);
    }

    private Path pidFile() {
        return config.dataDir().resolve("local-stack.pids");
    }

    private Path logDir() {
        return config.dataDir().resolve("logs");
    }

    private int runToCompletion(String name, List<String> command) throws IOException {
        Path logFile = logDir().resolve(name + ".log");
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

    private boolean healthy(int port) {
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

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A start that cannot go on; its message says what to do. */
    static final class StartupException extends RuntimeException {
        StartupException(String message) {
            super(message);
        }
    }
}
