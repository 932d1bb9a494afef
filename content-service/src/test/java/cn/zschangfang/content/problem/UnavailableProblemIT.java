package cn.zschangfang.content.problem;

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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With its MongoDB gone, content-service answers 503 problems with Retry-After, not 500s. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, topics = "content.article-viewed")
@MongoWireDatabase(value = "content-unavailable", dedicated = true)
class UnavailableProblemIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoWireServer.Dedicated mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @Test
    void readsAnswer503WhileMongoIsDown() {
        mongo.stop();

        assertProblem(new Http(port).get("/api/content/articles/any-article"), ProblemType.UNAVAILABLE);
    }
}
