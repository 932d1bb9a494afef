package cn.zschangfang.content.support;

import cn.zschangfang.platform.test.MongoWireDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port, against a real (embedded KRaft) Kafka broker and the MongoDB-wire server.
 * Subclasses share one application context, so they use their own slugs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 3, topics = "content.article-viewed")
@MongoWireDatabase("content-it")
public abstract class ServiceIT {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        // No notify-service in these tests: a port nobody listens on, never the local stack's 8083, which ./run.sh
        // may be serving while the build runs.
        registry.add("content.listings.notify-url", () -> "http://127.0.0.1:" + NOBODY_LISTENS);
    }

    private static final int NOBODY_LISTENS = closedPort();

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Http http() {
        return new Http(port);
    }
}
