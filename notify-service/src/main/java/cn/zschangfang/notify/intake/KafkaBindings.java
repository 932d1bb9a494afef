package cn.zschangfang.notify.intake;

import cn.zschangfang.notify.escalation.Escalations;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The functional consumer bindings ({@code leadCaptured-in-0}, {@code leadStatusChanged-in-0},
 * {@code listingMatched-in-0}, group
 * {@code notify-service}); failures are retried by the binder and then dead-lettered to {@code lead.captured.dlq}.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaBindings {

    @Bean
    Consumer<LeadCapturedEvent> leadCaptured(LeadIntake intake) {
        return intake::onLeadCaptured;
    }

    @Bean
    Consumer<ListingMatchedEvent> listingMatched(ListingMatchIntake intake) {
        return intake::onListingMatched;
    }

    @Bean
    Consumer<LeadStatusChangedEvent> leadStatusChanged(Escalations escalations) {
        return event -> {
            if (event != null) { // tolerant reader: a record it cannot use is skipped
                escalations.onStatusChanged(event.leadId(), event.status());
            }
        };
    }
}
