package cn.zschangfang.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.channel.ChannelType;
import cn.zschangfang.notify.channel.Purpose;
import cn.zschangfang.notify.support.TestProperties;
import cn.zschangfang.notify.support.WireDatabase;
import cn.zschangfang.platform.test.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Claims, leases and their fence on the MongoDB-wire server, with a clock moved by hand: the 30 s lease and 5 s
 * channel timeout are the defaults, so a send needs 15 s of lease left.
 */
class DeliveryStoreTest {

    private static final String ROBOT = "http://127.0.0.1:9/robot";

    @RegisterExtension
    final WireDatabase database = new WireDatabase("delivery-store");

    private final ManualClock clock = new ManualClock();
    private MongoTemplate mongo;
    private DeliveryStore store;

    @BeforeEach
    void setUp() {
        mongo = database.mongo();
        store = new DeliveryStore(mongo, TestProperties.notify(Map.of()), clock);
    }

    private Delivery recorded(String leadId) {
        Delivery d =
                Delivery.planned(leadId, "a1", ChannelType.WECOM, Purpose.NEW_LEAD, 0, null, ROBOT, clock.instant());
        store.insertOnce(d);
        return d;
    }

    private Delivery stored(Delivery d) {
        return mongo.findById(d.key(), Delivery.class);
    }

    @Test
    void aHolderThatOutlivedItsLeaseCanNeitherSendNorRecordAnOutcomeOnceTheSweepTookItOver() {
        Delivery slow = store.claim(recorded("l1").key(), false, "slow");
        clock.advance(Duration.ofSeconds(31));
        Delivery sweep = store.claim(slow.key(), false, "sweep");

        assertThat(sweep).isNotNull();
        assertThat(store.holdForSend(List.of(slow))).isEmpty();

        store.transition(slow, new Update().set("status", DeliveryStatus.FAILED.name()));
        assertThat(stored(slow).status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
        assertThat(stored(slow).claimToken()).isEqualTo("sweep");

        store.transition(sweep, new Update().set("status", DeliveryStatus.SENT.name()));
        assertThat(stored(slow).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void aClaimWithTooLittleLeaseLeftForASendIsRenewedSoTheSweepCannotTakeItOverDuringTheSend() {
        Delivery held = store.claim(recorded("l1").key(), false, "holder");
        clock.advance(Duration.ofSeconds(20)); // 10 s of lease left: less than a send and its outcome need

        assertThat(store.holdForSend(List.of(held))).containsExactly(held);

        clock.advance(Duration.ofSeconds(20)); // past the first lease, within the renewed one
        assertThat(store.due(10)).isEmpty();
        assertThat(store.claim(held.key(), false, "sweep")).isNull();
        assertThat(stored(held).claimToken()).isEqualTo("holder");
    }

    @Test
    void aFreshClaimIsSentOnItsOwnLeaseWithoutWritingItAgain() {
        Delivery held = store.claim(recorded("l1").key(), false, "holder");
        clock.advance(Duration.ofSeconds(10));

        assertThat(store.holdForSend(List.of(held))).containsExactly(held);
        assertThat(stored(held).leaseUntil()).isEqualTo(held.leaseUntil());
    }

    @Test
    void aDigestLeavesOutOnlyTheDeliveriesAnotherClaimTookOverWhileItWasBuilt() {
        Delivery first = recorded("l1");
        List<Delivery> waiting = List.of(recorded("l2"), recorded("l3"));
        for (Delivery w : waiting) {
            store.release(store.claim(w.key(), false, "limited"), clock.instant()); // deferred by the limiter
        }
        Delivery claimed = store.claim(first.key(), false, "digest");
        List<Delivery> backlog = store.claimBacklog(claimed, 40);
        assertThat(backlog).extracting(Delivery::claimToken).containsOnly("digest");

        clock.advance(Duration.ofSeconds(31));
        Delivery takenOver = store.claim(backlog.get(0).key(), false, "sweep");
        assertThat(takenOver).isNotNull();

        List<Delivery> batch = List.of(claimed, backlog.get(0), backlog.get(1));
        assertThat(store.holdForSend(batch)).containsExactly(claimed, backlog.get(1));
    }
}
