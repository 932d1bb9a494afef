package cn.zschangfang.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.platform.test.app.SampleApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /actuator/health} tells the truth: UP on the MongoDB-wire stand-in (which has no {@code hello}, so Boot's
 * own indicator said DOWN), DOWN while MongoDB cannot be reached, and neither case logs a stack trace per probe.
 */
class MongoHealthTest {

    private static final String PROPERTIES = "management.endpoint.health.show-components=always";

    @Nested
    @SpringBootTest(
            classes = SampleApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = PROPERTIES)
    @ExtendWith(OutputCaptureExtension.class)
    @MongoWireDatabase("health")
    class OnTheStandIn {

        @LocalServerPort
        int port;

        @Autowired
        MongoTemplate mongo;

        @Test
        void healthIsUpAndNothingIsLogged(CapturedOutput output) {
            // Boot's indicator sends `hello` to every database that exists; the stand-in answers CommandNotFound.
            mongo.insert(new Document("probe", 1), "things");

            HttpResponse<String> response = new Http(port).get("/actuator/health");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).endsWith("\"status\":\"UP\"}").contains("\"mongo\":{\"status\":\"UP\"");
            assertThat(output.getOut()).doesNotContain("Health check failed");
        }
    }

    @Nested
    @SpringBootTest(
            classes = SampleApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                PROPERTIES,
                "platform.health.mongo-timeout=500ms",
                "logging.level.org.springframework=INFO",
                "logging.level.cn.zschangfang=INFO"
            })
    @ExtendWith(OutputCaptureExtension.class)
    class WhileMongoIsUnreachable {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void mongo(DynamicPropertyRegistry registry) {
            registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + closedPort() + "/health");
        }

        @Test
        void healthIsDownWithoutAStackTrace(CapturedOutput output) {
            HttpResponse<String> first = new Http(port).get("/actuator/health");
            HttpResponse<String> second = new Http(port).get("/actuator/health");

            assertThat(first.statusCode()).isEqualTo(503);
            assertThat(second.body()).contains("\"mongo\":{\"status\":\"DOWN\"");
            assertThat(output.getOut()).doesNotContain("Health check failed").doesNotContain("\tat com.mongodb");
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
