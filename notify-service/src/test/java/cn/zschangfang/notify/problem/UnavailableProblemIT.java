package cn.zschangfang.notify.problem;

import static cn.zschangfang.platform.test.ProblemContract.assertProblem;

import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.test.Http;
import cn.zschangfang.platform.test.MongoWireDatabase;
import cn.zschangfang.platform.test.MongoWireServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

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
@MongoWireDatabase(value = "notify-unavailable", dedicated = true)
class UnavailableProblemIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoWireServer.Dedicated mongo;

    @Test
    void theAgentListAnswers503WhileMongoIsDown() {
        mongo.stop();

        assertProblem(
                new Http(port).get("/api/notify/agents", "Authorization", "Bearer unavailable-admin-token"),
                ProblemType.UNAVAILABLE);
    }
}
