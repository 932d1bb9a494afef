package cn.zschangfang.lead.problem;

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

/** With its MongoDB gone, lead-service answers 503 problems with Retry-After: the client's form may retry. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
            "lead.admin-token=unavailable-admin-token",
            "lead.integration-api-keys=partner=unavailable-partner-key",
            "lead.spam.altcha-hmac-key=unavailable-altcha-key",
            // The scheduled relay and gauges would fail (and log a stack trace) every second once MongoDB is stopped.
            "lead.outbox.relay-interval=1h",
            "lead.metrics.outbox-refresh=1h",
            "logging.level.org.springframework.scheduling.support.TaskUtils=OFF"
        })
@EmbeddedKafka(
        partitions = 1,
        topics = {"lead.captured", "lead.status-changed", "content.article-viewed", "lead.routed", "notify.delivery"})
class UnavailableProblemIT {

    private static final MongoWireServer.Dedicated MONGO = MongoWireServer.dedicated();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("leads-unavailable"));
    }

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @Test
    void listsAnswer503WhileMongoIsDown() {
        MONGO.stop();

        assertProblem(
                new Http(port).get("/api/leads", "Authorization", "Bearer unavailable-admin-token"),
                ProblemType.UNAVAILABLE);
    }
}
