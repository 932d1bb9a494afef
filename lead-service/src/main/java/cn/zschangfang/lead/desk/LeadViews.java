package cn.zschangfang.lead.desk;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.Masking;
import cn.zschangfang.lead.inquiry.TimelineEntry;
import java.time.Instant;
import java.util.List;

/** What the desk API returns: lists carry masked contacts, the detail (for the assigned agent) the full ones. */
public final class LeadViews {

    private LeadViews() {}

    public record Summary(
            String id,
            String status,
            Instant receivedAt,
            String intent,
            String propertyType,
            String town,
            String company,
            String contactNameMasked,
            String phoneMasked,
            int score,
            String channel,
            String assigneeId,
            String assigneeName) {

        static Summary of(Lead lead) {
            return new Summary(
                    lead.getId(),
                    lead.getStatus().name(),
                    lead.getReceivedAt(),
                    lead.getIntent().name(),
                    lead.getPropertyType().name(),
                    lead.getTown(),
                    lead.getCompany(),
                    Masking.name(lead.getContactName()),
                    Masking.phone(lead.getPhone()),
                    lead.getScore(),
                    lead.getChannel(),
                    lead.getAssigneeId(),
                    lead.getAssigneeName());
        }
    }

    public record Page(List<Summary> items, int page, int size, long total) {}

    public record Detail(
            String id,
            String status,
            Instant receivedAt,
            String intent,
            String propertyType,
            String town,
            Lead.Range areaSqm,
            Lead.Range areaMu,
            String use,
            Double expectedAnnualTaxWan,
            String company,
            String contactName,
            String phone,
            String message,
            String sourceArticle,
            String visitorId,
            String channel,
            Lead.Consent consent,
            Lead.Interests interests,
            int score,
            List<String> scoreReasons,
            String assigneeId,
            String assigneeName,
            Instant notifiedAt,
            Instant acknowledgedAt,
            Instant personalDataErasedAt,
            List<TimelineEntry> timeline) {

        static Detail of(Lead lead) {
            return new Detail(
                    lead.getId(),
                    lead.getStatus().name(),
                    lead.getReceivedAt(),
                    lead.getIntent().name(),
                    lead.getPropertyType().name(),
                    lead.getTown(),
                    lead.getAreaSqm(),
                    lead.getAreaMu(),
                    lead.getUse(),
                    lead.getExpectedAnnualTaxWan(),
                    lead.getCompany(),
                    lead.getContactName(),
                    lead.getPhone(),
                    lead.getMessage(),
                    lead.getSourceArticle(),
                    lead.getVisitorId(),
                    lead.getChannel(),
                    lead.getConsent(),
                    lead.getInterests(),
                    lead.getScore(),
                    lead.getScoreReasons(),
                    lead.getAssigneeId(),
                    lead.getAssigneeName(),
                    lead.getNotifiedAt(),
                    lead.getAcknowledgedAt(),
                    lead.getPersonalDataErasedAt(),
                    lead.getTimeline());
        }
    }
}
