package cn.zschangfang.lead.inquiry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * The lead document, read-only in Java: everything the visitor said is written once, at capture, and every later
 * change (status, assignee, timeline, outbox, erasure) is one atomic update in {@link LeadStore}, never a
 * read-modify-write of this object. Its {@code pendingEvents} are the outbox: written in the same document as the
 * change that caused them, so one single-document write either keeps both or neither — no transaction needed.
 *
 * <p>The groups {@link Inquiry}, {@link Contact} and {@link Attribution} are {@link Unwrapped}: their fields stay
 * top-level in MongoDB ({@code phone}, not {@code contact.phone}), so documents written before the grouping read
 * unchanged, and the indexes and queries keep their field names.
 */
@Document("leads")
@CompoundIndex(name = "duplicate_lookup", def = "{'phone': 1, 'intent': 1, 'propertyType': 1, 'receivedAt': -1}")
@CompoundIndex(name = "outbox_pending", def = "{'pendingEvents.occurredAt': 1}")
public record Lead(
        @Id String id,
        @Indexed LeadStatus status,
        @Indexed Instant receivedAt,
        @Unwrapped.Empty Inquiry inquiry,
        @Unwrapped.Empty Contact contact,
        Consent consent,
        // Marketing SMS: a consent purpose of its own, never implied by consent; null on leads from before it existed.
        Consent marketingSmsConsent,
        @Unwrapped.Empty Attribution attribution,
        Interests interests,
        Integer score,
        List<String> scoreReasons,
        @Indexed String assigneeId,
        String assigneeName,
        Instant notifiedAt,
        Instant acknowledgedAt,
        Instant personalDataErasedAt,
        List<TimelineEntry> timeline,
        List<PendingEvent> pendingEvents,
        // Structured needs and the listing inquired from; null on leads from before they existed or when not given.
        Requirements requirements,
        SourceListing sourceListing,
        // The best published listings at capture (the listing projection), best first.
        List<ListingMatch> matches) {

    public Lead {
        // Absent in projections (and an erased lead keeps its groups, only their personal fields are null).
        score = score == null ? 0 : score;
        scoreReasons = scoreReasons == null ? List.of() : List.copyOf(scoreReasons);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        pendingEvents = pendingEvents == null ? List.of() : List.copyOf(pendingEvents);
        // Left null when absent, so a document stored before matching existed is written back unchanged.
        matches = matches == null ? null : List.copyOf(matches);
        inquiry = inquiry == null ? Inquiry.NONE : inquiry;
        contact = contact == null ? Contact.NONE : contact;
        attribution = attribution == null ? Attribution.NONE : attribution;
    }

    /** A new lead as captured: status NEW, nobody assigned yet, its {@code lead.captured} event in the outbox. */
    public static Lead captured(
            String id,
            Instant receivedAt,
            ValidInquiry valid,
            Attribution attribution,
            Consent consent,
            Consent marketingSmsConsent,
            Interests interests,
            Score score,
            List<ListingMatch> matches,
            TimelineEntry captured) {
        return new Lead(
                id,
                LeadStatus.NEW,
                receivedAt,
                valid.inquiry(),
                valid.contact(),
                consent,
                marketingSmsConsent,
                attribution,
                interests,
                score.value(),
                score.reasons(),
                null,
                null,
                null,
                null,
                null,
                List.of(captured),
                List.of(),
                valid.requirements(),
                valid.sourceListing(),
                matches);
    }

    /** The listing matches; none for a lead stored before matching existed. */
    public List<ListingMatch> matchesOrNone() {
        return matches == null ? List.of() : matches;
    }

    /** This lead with one more event in its outbox (before it is first stored). */
    public Lead withPendingEvent(PendingEvent event) {
        List<PendingEvent> events = new ArrayList<>(pendingEvents);
        events.add(event);
        return new Lead(
                id,
                status,
                receivedAt,
                inquiry,
                contact,
                consent,
                marketingSmsConsent,
                attribution,
                interests,
                score,
                scoreReasons,
                assigneeId,
                assigneeName,
                notifiedAt,
                acknowledgedAt,
                personalDataErasedAt,
                timeline,
                events,
                requirements,
                sourceListing,
                matches);
    }

    public enum Intent {
        LEASE,
        BUY
    }

    public enum PropertyType {
        FACTORY,
        LAND,
        WAREHOUSE,
        OFFICE
    }

    /** What is asked for: the property, where, how large, for what. */
    public record Inquiry(
            Intent intent,
            PropertyType propertyType,
            String town,
            Range areaSqm,
            Range areaMu,
            String use,
            Double expectedAnnualTaxWan,
            String message) {
        static final Inquiry NONE = new Inquiry(null, null, null, null, null, null, null, null);
    }

    /** Who asks: personal data, erased on request or after the retention period (PIPL). */
    public record Contact(String contactName, String phone, String company) {
        static final Contact NONE = new Contact(null, null, null);
    }

    /** Where the inquiry came from: the article it was sent from, the visitor, the channel (web or integration). */
    public record Attribution(String sourceArticle, String visitorId, String channel) {
        static final Attribution NONE = new Attribution(null, null, null);
    }

    /** The transparent score and its reasons, as computed at capture. */
    public record Score(int value, List<String> reasons) {}

    /** A stated size range; either bound may be missing. */
    public record Range(Double min, Double max) {}

    /** Consent to be contacted: when it was given and which wording the visitor saw. */
    public record Consent(boolean given, Instant at, String wordingVersion) {}

    /** What the visitor read before asking. */
    public record Interests(List<ArticleRef> articles, List<String> tags, List<String> towns) {
        public static Interests none() {
            return new Interests(List.of(), List.of(), List.of());
        }
    }

    public record ArticleRef(String slug, String title) {}
}
