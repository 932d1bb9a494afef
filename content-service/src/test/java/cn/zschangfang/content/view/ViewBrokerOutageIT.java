package cn.zschangfang.content.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;

import cn.zschangfang.content.support.Http;
import cn.zschangfang.content.support.ServiceIT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.TimeoutException;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * A counted view (202) survives the broker being unreachable and this process dying before it published the view.
 * The outage is the producer's own failure (a send that times out, as {@code max.block.ms}/{@code delivery.timeout.ms}
 * end it while the broker is down), injected at the binding so the test needs no broker restart.
 */
@TestPropertySource(properties = {"content.views.outbox.relay-interval=300ms", "content.views.outbox.relay-min-age=2s"})
class ViewBrokerOutageIT extends ServiceIT {

    @MockitoSpyBean
    StreamBridge bridge;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JsonMapper json;

    private void importArticle(String slug) {
        String body = """
                [{"slug":"%s","title":"中山工业园 %s","body":"<p>正文</p>","category":"中山产业信息","tags":["t"],"views":0}]
                """.formatted(slug, slug);
        assertThat(http().admin("POST", "/api/content/admin/import", body).statusCode())
                .isEqualTo(200);
    }

    private long views(String slug) {
        return json.readTree(http().get("/api/content/articles/" + slug).body())
                .get("views")
                .asLong();
    }

    @Test
    void everyViewAnswered202DuringABrokerOutageIsCountedOnceTheBrokerIsBack() {
        // Stubbed once, before anything else uses the spy: stubbing it again while another thread sends through it
        // (the cache's change broadcast after the import, the view relay's retries) is a Mockito race.
        AtomicBoolean brokerDown = new AtomicBoolean(true);
        doAnswer(invocation -> {
                    if (brokerDown.get()) {
                        // The broker is down: every send fails the way the Kafka producer fails then.
                        throw new org.springframework.messaging.MessageDeliveryException(
                                (Message<?>) invocation.getArgument(1), new TimeoutException("broker unreachable"));
                    }
                    return invocation.callRealMethod();
                })
                .when(bridge)
                .send(eq(ViewPublisher.BINDING), any(Object.class));
        importArticle("outage-views");
        Http http = http();
        int accepted = 0;
        for (int i = 0; i < 40; i++) {
            int status = http.view("outage-views", "outage-" + i, Http.BROWSER).statusCode();
            assertThat(status).isIn(202, 503);
            if (status == 202) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(40);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> views("outage-views") == 0);
        // The broker is back.
        brokerDown.set(false);
        await().atMost(Duration.ofSeconds(60)).until(() -> views("outage-views") == 40);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> views("outage-views") == 40);
    }

    @Test
    void aViewLeftInTheOutboxByAProcessThatDiedIsPublishedAndCounted() {
        importArticle("crash-views");
        // Answered 202 by a process that was killed before its publisher sent it: it is only in the outbox.
        String articleId = json.readTree(
                        http().get("/api/content/articles/crash-views").body())
                .get("id")
                .asString();
        Date aMinuteAgo = Date.from(Instant.now().minusSeconds(60));
        for (int i = 0; i < 3; i++) {
            mongo.getCollection("view_outbox")
                    .insertOne(new Document("_id", UUID.randomUUID().toString())
                            .append("occurredAt", aMinuteAgo)
                            .append("articleId", articleId)
                            .append("slug", "crash-views")
                            .append("title", "中山工业园 crash-views")
                            .append("category", "中山产业信息")
                            .append("tags", List.of("t"))
                            .append("visitorId", "crashed-" + i)
                            .append("storedAt", aMinuteAgo));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> views("crash-views") == 3);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.getCollection("view_outbox").countDocuments() == 0);
    }
}
