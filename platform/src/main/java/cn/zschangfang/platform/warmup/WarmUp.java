package cn.zschangfang.platform.warmup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;

/**
 * Runs a service's hot path once before it reports ready, so that the first real request after a start does not
 * pay for loading and first compiling it (on the local stack's C1-only JVMs the bench measured 2.9 s from the first
 * POST of a cold stack to the robot, 1.2 s of it in the first request through the gateway and lead-service).
 *
 * <p>An {@link ApplicationRunner}: Spring Boot reports the readiness state {@code ACCEPTING_TRAFFIC} only after the
 * runners, so nothing is routed to the instance before its warm-up is over. A warm-up must change no state a user
 * could see; it is skipped without a server of its own (a mock web environment in a test), and a failure is logged
 * by its exception class and never stops the start: the real request reports its own errors.
 */
public abstract class WarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final String name;
    private final Environment environment;

    protected WarmUp(String name, Environment environment) {
        this.name = name;
        this.environment = environment;
    }

    @Override
    public final void run(ApplicationArguments args) {
        Integer port = environment.getProperty("local.server.port", Integer.class);
        if (port == null) {
            return;
        }
        long started = System.nanoTime();
        String outcome;
        try {
            outcome = warm("http://127.0.0.1:" + port);
        } catch (RuntimeException e) {
            outcome = "stopped (" + e.getClass().getSimpleName() + ")";
        }
        log.info("{} warm-up: {} in {} ms", name, outcome, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Runs the hot path once.
     *
     * @param ownBaseUrl this instance's own server, e.g. {@code http://127.0.0.1:8082}
     * @return what it did, for the start-up log (no personal data, no payloads)
     */
    protected abstract String warm(String ownBaseUrl);
}
