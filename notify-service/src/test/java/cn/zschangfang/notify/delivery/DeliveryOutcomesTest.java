package cn.zschangfang.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.channel.ChannelType;
import cn.zschangfang.notify.channel.Purpose;
import cn.zschangfang.notify.channel.SendResult;
import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.events.EventPublisher;
import cn.zschangfang.notify.events.NotifyDeliveryEvent;
import cn.zschangfang.notify.routing.LeadCases;
import cn.zschangfang.notify.support.TestProperties;
import cn.zschangfang.notify.support.WireDatabase;
import cn.zschangfang.platform.test.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The outcome of a message that carried several deliveries, on the MongoDB-wire server. */
class DeliveryOutcomesTest {

    @RegisterExtension
    final WireDatabase database = new WireDatabase("delivery-outcomes");

    private final ManualClock clock = new ManualClock();
    private final List<String> statusesAtEachEvent = new ArrayList<>();
    private MongoTemplate mongo;
    private DeliveryStore store;
    private DeliveryOutcomes outcomes;
    private List<Delivery> digest;

    @BeforeEach
    void setUp() {
        mongo = database.mongo();
        NotifyProperties properties = TestProperties.notify(Map.of());
        store = new DeliveryStore(mongo, properties, clock);
        // Each event's broker send is awaited (and may be slow); what matters is what is recorded by then. No outbox
        // nor broker: the overridden delivery() stores and sends nothing.
        EventPublisher events = new EventPublisher(null, null, null, clock) {
            @Override
            public void delivery(NotifyDeliveryEvent event) {
                statusesAtEachEvent.add(String.join(
                        ",",
                        digest.stream()
                                .map(d -> mongo.findById(d.key(), Delivery.class)
                                        .status()
                                        .name())
                                .toList()));
            }
        };
        outcomes = new DeliveryOutcomes(
                store,
                new DeliveryPlanner(null, null, store, clock),
                events,
                new DeliveryMetrics(new SimpleMeterRegistry()),
                new LeadCases(mongo),
                properties,
                clock);
        digest = new ArrayList<>();
        for (String lead : List.of("l1", "l2", "l3")) {
            Delivery d = Delivery.planned(
                    lead, "a1", ChannelType.WECOM, Purpose.NEW_LEAD, 0, null, "http://127.0.0.1:9/r", clock.instant());
            store.insertOnce(d);
            digest.add(store.claim(d.key(), false, "digest"));
        }
    }

    @Test
    void everyDeliveryOfADigestIsRecordedSentBeforeTheFirstEventWaitsForTheBroker() {
        assertThat(outcomes.record(digest, SendResult.sent(), true)).isEmpty();

        assertThat(statusesAtEachEvent).hasSize(3).containsOnly("SENT,SENT,SENT");
    }

    @Test
    void aFailedDigestSchedulesEveryRetryBeforeTheFirstEvent() {
        outcomes.record(digest, SendResult.transientFailure("io"), true);

        assertThat(statusesAtEachEvent).hasSize(3).containsOnly("PENDING,PENDING,PENDING");
    }
}
