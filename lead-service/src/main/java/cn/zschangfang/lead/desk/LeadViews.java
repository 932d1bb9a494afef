package cn.zschangfang.lead.desk;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.ListingMatch;
import cn.zschangfang.lead.inquiry.Masking;
import cn.zschangfang.lead.inquiry.Requirements;
import cn.zschangfang.lead.inquiry.SourceListing;
import cn.zschangfang.lead.inquiry.TimelineEntry;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/**
 * What the desk API returns: lists carry masked contacts, the detail (for the assigned agent) the full ones, with the
 * structured requirements, the listing inquired from and the best listing matches (each with its reasons). The
 * detail shows the lead's contact and attribution groups as they are stored, unwrapped into top-level fields like
 * the document's; {@code DeskIT} names every field of both answers, so a component added to a stored record fails
 * there before it reaches an agent.
 */
public final class LeadViews {

    private LeadViews() {}

    /**
     * What the list row and the detail both start with. Unwrapped: its fields stay top-level in the JSON, where the
     * desk and the site read them.
     */
    public record Heading(
            String id, String status, Instant receivedAt, String intent, String propertyType, String town) {

        static Heading of(Lead lead) {
            return new Heading(
                    lead.id(),
                    lead.status().name(),
                    lead.receivedAt(),
                    nameOf(lead.inquiry().intent()),
                    nameOf(lead.inquiry().propertyType()),
                    lead.inquiry().town());
        }

        // A document written before a field was required, or read back without its inquiry (Inquiry.NONE), still
        // lists: the missing value is null in the JSON rather than a 500 for the whole page.
        private static String nameOf(Enum<?> value) {
            return value == null ? null : value.name();
        }
    }

    public record Summary(
            @JsonUnwrapped Heading heading,
            String company,
            String contactNameMasked,
            String phoneMasked,
            int score,
            String channel,
            String assigneeId,
            String assigneeName) {

        static Summary of(Lead lead) {
            return new Summary(
                    Heading.of(lead),
                    lead.contact().company(),
                    Masking.name(lead.contact().contactName()),
                    Masking.phone(lead.contact().phone()),
                    lead.score(),
                    lead.attribution().channel(),
                    lead.assigneeId(),
                    lead.assigneeName());
        }
    }

    public record Page(List<Summary> items, int page, int size, long total) {}

    public record Detail(
            @JsonUnwrapped Heading heading,
            Lead.Range areaSqm,
            Lead.Range areaMu,
            String use,
            Double expectedAnnualTaxWan,
            @JsonUnwrapped Lead.Contact contact,
            String message,
            @JsonUnwrapped Lead.Attribution attribution,
            Lead.Consent consent,
            Lead.Interests interests,
            int score,
            List<String> scoreReasons,
            String assigneeId,
            String assigneeName,
            Instant notifiedAt,
            Instant acknowledgedAt,
            Instant personalDataErasedAt,
            List<TimelineEntry> timeline,
            Requirements requirements,
            SourceListing sourceListing,
            List<ListingMatch> matches) {

        static Detail of(Lead lead) {
            return new Detail(
                    Heading.of(lead),
                    lead.inquiry().areaSqm(),
                    lead.inquiry().areaMu(),
                    lead.inquiry().use(),
                    lead.inquiry().expectedAnnualTaxWan(),
                    lead.contact(),
                    lead.inquiry().message(),
                    lead.attribution(),
                    lead.consent(),
                    lead.interests(),
                    lead.score(),
                    lead.scoreReasons(),
                    lead.assigneeId(),
                    lead.assigneeName(),
                    lead.notifiedAt(),
                    lead.acknowledgedAt(),
                    lead.personalDataErasedAt(),
                    lead.timeline(),
                    lead.requirements(),
                    lead.sourceListing(),
                    lead.matchesOrNone());
        }
    }
}
