package cn.zschangfang.site.agent;

import cn.zschangfang.site.listing.ListingRecords;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * lead-service's desk API as the site reads it: tolerant records of our own, only the fields the inbox shows (unknown
 * fields ignored).
 */
public final class LeadRecords {

    private LeadRecords() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
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
            Integer score) {

        /** The inbox tab (new, open, won, closed): also the page's colour of the lead. */
        public String tab() {
            return LeadText.tab(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Range(Double min, Double max) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ArticleRef(String slug, String title) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Interests(List<ArticleRef> articles, List<String> tags) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Consent(boolean given, Instant at) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimelineEntry(Instant at, String type, String actor, String detail) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(
            String id,
            String status,
            Instant receivedAt,
            String intent,
            String propertyType,
            String town,
            Range areaSqm,
            Range areaMu,
            String use,
            Double expectedAnnualTaxWan,
            String company,
            String contactName,
            String phone,
            String message,
            String sourceArticle,
            String channel,
            Consent consent,
            Interests interests,
            Integer score,
            List<String> scoreReasons,
            List<TimelineEntry> timeline,
            Requirements requirements,
            SourceListing sourceListing,
            List<Match> matches) {

        public String tab() {
            return LeadText.tab(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String contactName, String phone) {}

    /** The inquiry's structured needs (the form's 更多要求 step); every part optional. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Requirements(
            Double minClearHeightM,
            Double minPowerKva,
            String floor,
            String fireClass,
            Double craneTonnage,
            Budget budget,
            String moveInDate,
            Integer leaseTermMonths,
            String industry) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Budget(Double amount, String unit) {}

    /** The listing the visitor inquired from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SourceListing(String listingId, String slug, String title, String agentId) {
        public String path() {
            return ListingRecords.path(slug, listingId);
        }
    }

    /** A listing lead-service matched the inquiry to, with its reasons (面积吻合, 层高满足…), best first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Match(String listingId, String slug, String title, Double score, List<String> reasons) {
        public String path() {
            return ListingRecords.path(slug, listingId);
        }
    }
}
