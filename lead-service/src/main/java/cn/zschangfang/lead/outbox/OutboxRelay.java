package cn.zschangfang.lead.outbox;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.lead.inquiry.LeadStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sweeps leads whose outbox still holds events (the broker was down, the process died after the write, the
 * executor was full) and publishes them. Safe with several instances running it: a double send carries the same
 * event id and consumers deduplicate.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final LeadStore store;
    private final OutboxPublisher publisher;
    private final LeadProperties.Outbox properties;
    private final Clock clock;

    public OutboxRelay(LeadStore store, OutboxPublisher publisher, LeadProperties properties, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.properties = properties.outbox();
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${lead.outbox.relay-initial-delay:2s}",
            fixedDelayString = "${lead.outbox.relay-interval:5s}")
    public void sweep() {
        if (!properties.relayEnabled()) {
            return;
        }
        sweepOnce();
    }

    /** @return how many leads were fully published */
    public int sweepOnce() {
        List<String> ids = store.idsWithPendingEventsBefore(clock.instant().minus(properties.relayMinAge()), 100);
        int done = 0;
        int failuresInARow = 0;
        for (String id : ids) {
            if (publisher.publishPending(id)) {
                done++;
                failuresInARow = 0;
            } else if (++failuresInARow >= 3) {
                // Most likely the broker is unreachable: do not wait on every lead, try again next sweep. (One
                // lead that keeps failing alone does not hold the others back.)
                log.info("outbox relay paused: {} leads still pending", ids.size() - done);
                break;
            }
        }
        return done;
    }
}
