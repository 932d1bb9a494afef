package cn.zschangfang.notify.intake;

import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.delivery.DeliveryService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Handles {@code lead.listing-matched}: one digest "新房源匹配您的 N 位客户" to the agent per event id, exactly once
 * through redelivery (the delivery record is keyed by the event id). An event it cannot use is skipped with a log
 * line naming only ids: a digest of matches is a convenience, never worth blocking the partition.
 */
@Service
public class ListingMatchIntake {

    private static final Logger log = LoggerFactory.getLogger(ListingMatchIntake.class);
    /** Same rule as lead.captured's lead ids: each must be quotable verbatim as {@code 编号 <leadId>}. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    /** Far more than any digest shows; the inbox lists them all. */
    static final int MAX_LEADS = 500;

    private final DeliveryService deliveries;

    public ListingMatchIntake(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    public void onListingMatched(ListingMatchedEvent event) {
        if (event == null
                || event.eventId() == null
                || !ID.matcher(event.eventId()).matches()
                || event.agentId() == null
                || event.agentId().isBlank()
                || event.leadIds() == null) {
            log.warn("lead.listing-matched without eventId, agentId or leadIds skipped");
            return;
        }
        List<String> leadIds = new LinkedHashSet<>(event.leadIds())
                .stream()
                        .filter(Objects::nonNull)
                        .filter(id -> ID.matcher(id).matches())
                        .limit(MAX_LEADS)
                        .toList();
        if (leadIds.size() < event.leadIds().size()) {
            log.warn(
                    "lead.listing-matched {}: {} of {} lead ids unusable or beyond {}, left out",
                    event.eventId(),
                    event.leadIds().size() - leadIds.size(),
                    event.leadIds().size(),
                    MAX_LEADS);
        }
        if (leadIds.isEmpty()) {
            return;
        }
        var match = new OutboundMessage.ListingMatch(event.listingId(), event.slug(), event.title(), leadIds);
        if (!deliveries.deliverListingMatch(event.eventId(), event.agentId(), match)) {
            log.warn(
                    "listing match {} for agent {}: inactive, unknown or no channel carries a digest; not sent",
                    event.eventId(),
                    event.agentId());
        }
    }
}
