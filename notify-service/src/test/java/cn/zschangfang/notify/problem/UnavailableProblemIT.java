package cn.zschangfang.notify.problem;

import static cn.zschangfang.platform.test.ProblemContract.assertProblem;

import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.test.Http;
import cn.zschangfang.platform.test.MongoWireServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With its MongoDB gone, notify-service's admin API answers 503 problems with Retry-After, not 500s. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
            "notify.admin-token=unavailable-admin-token",
            "notify.ack.signing-secret=unavailable-ack-secret",
            // The sweeps would fail (and log a stack trace) every few milliseconds once MongoDB is stopped.
            "notify.delivery.sweep-interval=1h",
            "notify.ack.check-interval=1h",
            "notify.outbox.interval=1h",
            "logging.level.org.springframework.scheduling.support.TaskUtils=OFF"
        })
@EmbeddedKafka(
        partitions = 1,
        topics = {"lead.captured", "lead.status-changed", "lead.routed", "notify.delivery", "lead.captured.dlq"})
class UnavailableProblemIT {

    private static final MongoWireServer.Dedicated MONGO = MongoWireServer.dedicated();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("notify-unavailable"));
    }

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @Test
    void theAgentListAnswers503WhileMongoIsDown() {
        MONGO.stop();

        assertProblem(
                new Http(port).get("/api/notify/agents", "Authorization", "Bearer unavailable-admin-token"),
                ProblemType.UNAVAILABLE);
    }
}
