package cn.zschangfang.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The embedded default behind {@code ./run.sh}: starts a Kafka broker from Apache's jars, the MongoDB-wire server
 * on disk, the four services and the site, each in its own JVM as in production; shows progress; restarts whatever dies; stops
 * everything on Ctrl-C or SIGTERM. Development only: production is {@code docker-compose.yml}.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(150);

    private final StackConfig config;
    private final ProgressLog log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
    private final JvmLaunches launches;
    private final PidFile pids;

    static {
        // The supervisor's own Kafka admin client logs through slf4j-simple: keep the progress lines readable.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
    }

    private LocalStack(StackConfig config, PrintStream out) {
        this.config = config;
        this.log = new ProgressLog(out);
        this.launches = new JvmLaunches(config, http);
        this.pids = new PidFile(config, log);
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
        stack.log.raw(StartupBanner.whereToLook(config, stack.log.elapsedSeconds(), config.logDir()));
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
        pids.stopLeftovers();
        Ports.checkFree(config.ports());
        launches.checkBuilt();

        KafkaBroker kafka = new KafkaBroker(config);
        List<String> kafkaCommand =
                kafka.prepare(launches.java(), launches.supervisorClasspath(), launches::runToCompletion);
        startAll(
                List.of(
                        register(new JvmLaunches.Launch("kafka", kafkaCommand, Map.of(), kafka::isReady)),
                        register(launches.mongo())),
                "127.0.0.1:" + config.kafkaPort() + ", mongodb://127.0.0.1:" + config.mongoPort());

        List<JvmLaunches.Launch> first = new ArrayList<>(launches.instance(
                "",
                new StackConfig.InstancePorts(
                        config.gatewayPort(), config.contentPort(), config.leadPort(), config.notifyPort())));
        first.add(launches.service("site", "site", config.sitePort()));
        startAll(register(first), "the four services and the site, each in its own JVM");
        if (config.second() != null) {
            // After the first ones, not beside them: eight JVMs starting at once on two cores exceed the step timeout.
            startAll(
                    register(launches.instance("-2", config.second())),
                    "second instances of content, lead and notify behind a second gateway");
        }
        DemoData.importAll(config, http, log);
        pids.write();
    }

    private List<ManagedProcess> register(List<JvmLaunches.Launch> group) {
        return group.stream().map(this::register).toList();
    }

    private ManagedProcess register(JvmLaunches.Launch launch) {
        List<String> detached = new ArrayList<>();
        // Its own session, so that Ctrl-C reaches only the supervisor, which then stops the children in order.
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            detached.add("/usr/bin/setsid");
        }
        detached.addAll(launch.command());
        ManagedProcess process = new ManagedProcess(
                launch.name(),
                detached,
                launch.env(),
                config.projectDir(),
                config.logDir().resolve(launch.name() + ".log"),
                launch.readiness(),
                log);
        processes.put(launch.name(), process);
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
        pids.delete();
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

    /** A start that cannot go on; its message says what to do. */
    static final class StartupException extends RuntimeException {
        StartupException(String message) {
            super(message);
        }
    }
}
