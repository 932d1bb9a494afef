package cn.zschangfang.lead.outbox;

import cn.zschangfang.lead.config.LeadProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sweeps leads whose outbox still holds events (the broker was down, the process died after the write, the
 * executor was full) and publishes them. Safe with several instances running it: a double send carries the same
 * event id and consumers deduplicate. After three leads failed in a row the sweep stops until the next one.
 */
@Component
public class OutboxRelay {

    private final OutboxPublisher publisher;
    private final LeadProperties.Outbox properties;

    public OutboxRelay(OutboxPublisher publisher, LeadProperties properties) {
        this.publisher = publisher;
        this.properties = properties.outbox();
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
        return publisher.relayWaitingLongerThan(properties.relayMinAge());
    }
}
