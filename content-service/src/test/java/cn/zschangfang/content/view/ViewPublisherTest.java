package cn.zschangfang.content.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.content.support.MongoWireTest;
import cn.zschangfang.content.support.TestContentProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.MessageDeliveryException;
import tools.jackson.databind.json.JsonMapper;

/** The publisher keeps every view it took until the broker has it, and refuses (not drops) beyond its capacity. */
class ViewPublisherTest extends MongoWireTest {

    StreamBridge bridge = mock(StreamBridge.class);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ViewOutbox outbox;
    ViewPublisher publisher;

    @BeforeEach
    void setUp() {
        outbox = new ViewOutbox(mongo);
        ContentProperties properties = TestContentProperties.withPublishQueueCapacity(3);
        publisher = new ViewPublisher(
                bridge,
                JsonMapper.builder().build(),
                outbox,
                properties,
                new ViewOutboxProperties(Duration.ofHours(1), Duration.ofHours(1)),
                Clock.systemUTC(),
                meters);
    }

    @AfterEach
    void tearDown() {
        publisher.stop();
    }

    private static ArticleViewed view(String visitor) {
        return new ArticleViewed(
                UUID.randomUUID().toString(), Instant.now(), "a1", "a-1", "标题", "中山产业信息", List.of(), visitor, null);
    }

    @Test
    void whileTheBrokerIsDownViewsWaitInTheOutboxAndBeyondCapacityAreRefusedNotDropped() {
        when(bridge.send(eq(ViewPublisher.BINDING), any(Object.class)))
                .thenThrow(new MessageDeliveryException("broker unreachable"));
        publisher.start();
        assertThat(publisher.accept(view("v1"))).isTrue();
        assertThat(publisher.accept(view("v2"))).isTrue();
        assertThat(publisher.accept(view("v3"))).isTrue();
        assertThat(publisher.accept(view("v4"))).as("capacity 3: refused").isFalse();
        assertThat(meters.counter("content.views.rejected").count()).isEqualTo(1);
        verify(bridge, org.mockito.Mockito.timeout(5_000).atLeast(3))
                .send(eq(ViewPublisher.BINDING), any(Object.class));
        assertThat(outbox.size()).isEqualTo(3);
        assertThat(meters.counter("content.views.publish.retries").count()).isPositive();
    }

    @Test
    void aViewLeavesTheOutboxOnlyAfterTheBrokerAcknowledgedIt() {
        when(bridge.send(eq(ViewPublisher.BINDING), any(Object.class)))
                .thenThrow(new MessageDeliveryException("broker unreachable"))
                .thenThrow(new MessageDeliveryException("broker unreachable"))
                .thenReturn(true);
        publisher.start();
        assertThat(publisher.accept(view("v1"))).isTrue();
        assertThat(outbox.size()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.size() == 0);
        verify(bridge, atLeast(3)).send(eq(ViewPublisher.BINDING), any(Object.class));
        assertThat(publisher.accept(view("v2"))).as("room again").isTrue();
    }
}
