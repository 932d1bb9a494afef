package cn.zschangfang.lead.inquiry;

import cn.zschangfang.lead.outbox.PendingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The lead document. Its {@code pendingEvents} are the outbox: written in the same document as the change that
 * caused them, so one single-document write either keeps both or neither — no transaction needed.
 */
@Document("leads")
@CompoundIndex(name = "duplicate_lookup", def = "{'phone': 1, 'intent': 1, 'propertyType': 1, 'receivedAt': -1}")
@CompoundIndex(name = "outbox_pending", def = "{'pendingEvents.occurredAt': 1}")
public class Lead {

    @Id
    private String id;

    @Indexed
    private LeadStatus status;

    @Indexed
    private Instant receivedAt;

    private Intent intent;
    private PropertyType propertyType;
    private String town;
    private Range areaSqm;
    private Range areaMu;
    private String use;
    private Double expectedAnnualTaxWan;
    private String company;
    private String contactName;
    private String phone;
    private String message;
    private String sourceArticle;
    private String visitorId;
    private String channel;
    private Consent consent;
    /** Marketing SMS: a consent purpose separate from {@link #consent}; null on leads from before it existed. */
    private Consent marketingSmsConsent;

    private Interests interests;
    private int score;
    private List<String> scoreReasons = new ArrayList<>();

    @Indexed
    private String assigneeId;

    private String assigneeName;
    private Instant notifiedAt;
    private Instant acknowledgedAt;
    private Instant personalDataErasedAt;
    private List<TimelineEntry> timeline = new ArrayList<>();

    private List<PendingEvent> pendingEvents = new ArrayList<>();

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

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public LeadStatus getStatus() {
        return status;
    }

    public void setStatus(LeadStatus status) {
        this.status = status;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
    }

    public Intent getIntent() {
        return intent;
    }

    public void setIntent(Intent intent) {
        this.intent = intent;
    }

    public PropertyType getPropertyType() {
        return propertyType;
    }

    public void setPropertyType(PropertyType propertyType) {
        this.propertyType = propertyType;
    }

    public String getTown() {
        return town;
    }

    public void setTown(String town) {
        this.town = town;
    }

    public Range getAreaSqm() {
        return areaSqm;
    }

    public void setAreaSqm(Range areaSqm) {
        this.areaSqm = areaSqm;
    }

    public Range getAreaMu() {
        return areaMu;
    }

    public void setAreaMu(Range areaMu) {
        this.areaMu = areaMu;
    }

    public String getUse() {
        return use;
    }

    public void setUse(String use) {
        this.use = use;
    }

    public Double getExpectedAnnualTaxWan() {
        return expectedAnnualTaxWan;
    }

    public void setExpectedAnnualTaxWan(Double expectedAnnualTaxWan) {
        this.expectedAnnualTaxWan = expectedAnnualTaxWan;
    }

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getSourceArticle() {
        return sourceArticle;
    }

    public void setSourceArticle(String sourceArticle) {
        this.sourceArticle = sourceArticle;
    }

    public String getVisitorId() {
        return visitorId;
    }

    public void setVisitorId(String visitorId) {
        this.visitorId = visitorId;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public Consent getConsent() {
        return consent;
    }

    public Consent getMarketingSmsConsent() {
        return marketingSmsConsent;
    }

    public void setMarketingSmsConsent(Consent marketingSmsConsent) {
        this.marketingSmsConsent = marketingSmsConsent;
    }

    public void setConsent(Consent consent) {
        this.consent = consent;
    }

    public Interests getInterests() {
        return interests;
    }

    public void setInterests(Interests interests) {
        this.interests = interests;
    }

    public int getScore() {
        return score;
    }

    public void setScore(int score) {
        this.score = score;
    }

    public List<String> getScoreReasons() {
        return scoreReasons;
    }

    public void setScoreReasons(List<String> scoreReasons) {
        this.scoreReasons = scoreReasons;
    }

    public String getAssigneeId() {
        return assigneeId;
    }

    public void setAssigneeId(String assigneeId) {
        this.assigneeId = assigneeId;
    }

    public String getAssigneeName() {
        return assigneeName;
    }

    public void setAssigneeName(String assigneeName) {
        this.assigneeName = assigneeName;
    }

    public Instant getNotifiedAt() {
        return notifiedAt;
    }

    public void setNotifiedAt(Instant notifiedAt) {
        this.notifiedAt = notifiedAt;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public void setAcknowledgedAt(Instant acknowledgedAt) {
        this.acknowledgedAt = acknowledgedAt;
    }

    public Instant getPersonalDataErasedAt() {
        return personalDataErasedAt;
    }

    public void setPersonalDataErasedAt(Instant personalDataErasedAt) {
        this.personalDataErasedAt = personalDataErasedAt;
    }

    public List<TimelineEntry> getTimeline() {
        return timeline;
    }

    public void setTimeline(List<TimelineEntry> timeline) {
        this.timeline = timeline;
    }

    public List<PendingEvent> getPendingEvents() {
        return pendingEvents;
    }

    public void setPendingEvents(List<PendingEvent> pendingEvents) {
        this.pendingEvents = pendingEvents;
    }
}
