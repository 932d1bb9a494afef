package cn.zschangfang.platform.test;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every application context started by a test logs at WARN, so that {@code ./mvnw verify} prints failures and not
 * every start-up line. A default, not a file: the services' JSON format (logging.structured.format.console) stays
 * exactly as in production, so tests of log lines see what production writes, and a test or a developer raises a
 * level the usual way ({@code -Dlogging.level.root=INFO}, {@code logging.level.<package>=DEBUG}). It exists only on
 * test class paths (platform-test is a test-scoped dependency), never in a packaged service.
 */
public class QuietTestLogging implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "platform-test-logging",
                        Map.of(
                                "logging.level.root",
                                "WARN",
                                // No collector runs in tests: one refused-connection stack trace a minute otherwise.
                                "logging.level.io.micrometer.registry.otlp",
                                "ERROR",
                                // The embedded test broker and the MongoDB-wire stand-in warn about themselves
                                // (partition state, log directories, unsupported options): not the code under test.
                                "logging.level.state.change.logger",
                                "ERROR",
                                "logging.level.kafka",
                                "ERROR",
                                "logging.level.org.apache.kafka.controller",
                                "ERROR",
                                "logging.level.org.apache.kafka.storage",
                                "ERROR",
                                "logging.level.de.bwaldvogel.mongo",
                                "ERROR")));
    }
}
