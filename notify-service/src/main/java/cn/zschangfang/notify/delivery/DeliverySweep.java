package cn.zschangfang.notify.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends what is due: retries whose back-off elapsed, limiter waits that ended, and orphans of a crashed instance. */
@Component
class DeliverySweep {

    private static final Logger log = LoggerFactory.getLogger(DeliverySweep.class);

    private final DeliveryStore store;
    private final Dispatcher dispatcher;

    DeliverySweep(DeliveryStore store, Dispatcher dispatcher) {
        this.store = store;
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${notify.delivery.sweep-interval:1s}")
    void sweep() {
        for (Delivery d : store.due(100)) {
            try {
                dispatcher.dispatch(d.key());
            } catch (RuntimeException e) {
                log.warn(
                        "sweep could not dispatch delivery {}: {}",
                        d.deliveryId(),
                        e.getClass().getSimpleName());
            }
        }
    }
}
