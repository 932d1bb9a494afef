package cn.zschangfang.notify.channel;

import cn.zschangfang.notify.lead.Lead;
import java.util.List;

/**
 * What to tell an agent: one lead, or several folded into a digest; or, without lead items, a listing-match digest
 * ({@link Purpose#LISTING_MATCH}, {@link #listingMatch()}) or a test message ({@link Purpose#TEST}). A lead message
 * covers exactly its items: the delivery of each item's lead is recorded SENT only when a message carrying it was
 * accepted.
 *
 * @param note extra line for escalations (e.g. who did not acknowledge)
 * @param deliveryId the delivery's id (SMS uses it as OutId)
 * @param inboxUrl the agent's inbox, the one link of a digest; a lead's own page is {@link #leadUrl} below it
 * @param publicBaseUrl the public site, where listing pages are ({@link #listingUrl})
 * @param listingMatch the listing and the leads it matches, for {@link Purpose#LISTING_MATCH} only
 */
public record OutboundMessage(
        Purpose purpose,
        List<Item> items,
        String note,
        String deliveryId,
        String inboxUrl,
        String publicBaseUrl,
        ListingMatch listingMatch) {

    public OutboundMessage {
        items = List.copyOf(items);
        if (purpose == Purpose.LISTING_MATCH && listingMatch == null) {
            throw new IllegalArgumentException("a listing-match message needs its listing");
        }
        if (items.isEmpty() && purpose != Purpose.LISTING_MATCH && purpose != Purpose.TEST) {
            throw new IllegalArgumentException("a message covers at least one lead");
        }
    }

    /** A lead message whose site is the inbox's origin ({@code https://host/agent} → {@code https://host}). */
    public OutboundMessage(Purpose purpose, List<Item> items, String note, String deliveryId, String inboxUrl) {
        this(purpose, items, note, deliveryId, inboxUrl, inboxUrl.replaceFirst("/[^/]*$", ""), null);
    }

    /** One lead with its acknowledgement link. */
    public record Item(Lead lead, String ackUrl) {}

    /**
     * A newly published listing and the agent's open leads it matches ({@code lead.listing-matched}).
     *
     * @param leadIds already checked to be quotable verbatim ({@code 编号 <leadId>})
     */
    public record ListingMatch(String listingId, String slug, String title, List<String> leadIds) {

        public ListingMatch {
            leadIds = List.copyOf(leadIds);
        }
    }

    public boolean digest() {
        return items.size() > 1;
    }

    /** The ids of the leads this message covers, in order. */
    public List<String> leadIds() {
        return listingMatch != null
                ? listingMatch.leadIds()
                : items.stream().map(i -> i.lead().leadId()).toList();
    }

    /** The lead's page in the agents' site ({@code /agent/leads/{leadId}} with the default inbox path). */
    public String leadUrl(String leadId) {
        return inboxUrl.replaceAll("/+$", "") + "/leads/" + leadId;
    }

    /** The public page of a listing, {@code {PUBLIC_BASE_URL}/listings/{slug}}. */
    public String listingUrl(String pathSegment) {
        return publicBaseUrl.replaceAll("/+$", "") + "/listings/" + pathSegment;
    }
}
