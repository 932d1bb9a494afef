package cn.zschangfang.notify.support;

import cn.zschangfang.notify.lead.Lead;
import java.time.Instant;
import java.util.List;

/**
 * Leads for tests, built by what a test cares about; the rest is a web lead for a factory to lease, received now,
 * without the optional fields.
 */
public final class LeadBuilder {

    private String leadId;
    private Instant receivedAt = Instant.now();
    private String intent = "LEASE";
    private String propertyType = "FACTORY";
    private String town;
    private Lead.Range areaSqm;
    private Lead.Range areaMu;
    private String use;
    private Double expectedAnnualTaxWan;
    private String company;
    private String contactNameMasked;
    private String phoneMasked;
    private String message;
    private Integer score = 50;
    private Lead.Requirements requirements;
    private Lead.SourceListing sourceListing;
    private List<Lead.Match> matches = List.of();

    private LeadBuilder() {}

    public static LeadBuilder lead(String id) {
        LeadBuilder b = new LeadBuilder();
        b.leadId = id;
        return b;
    }

    public static LeadBuilder from(Lead l) {
        LeadBuilder b = lead(l.leadId());
        b.receivedAt = l.receivedAt();
        b.intent = l.intent();
        b.propertyType = l.propertyType();
        b.town = l.town();
        b.areaSqm = l.areaSqm();
        b.areaMu = l.areaMu();
        b.use = l.use();
        b.expectedAnnualTaxWan = l.expectedAnnualTaxWan();
        b.company = l.company();
        b.contactNameMasked = l.contactNameMasked();
        b.phoneMasked = l.phoneMasked();
        b.message = l.message();
        b.score = l.score();
        b.requirements = l.requirements();
        b.sourceListing = l.sourceListing();
        b.matches = l.matches();
        return b;
    }

    public LeadBuilder receivedAt(Instant v) {
        receivedAt = v;
        return this;
    }

    /** What the visitor wants ({@code LEASE}, {@code BUY}…) of what ({@code FACTORY}, {@code LAND}…) and where. */
    public LeadBuilder wants(String intent, String propertyType, String town) {
        this.intent = intent;
        this.propertyType = propertyType;
        this.town = town;
        return this;
    }

    public LeadBuilder areaSqm(Lead.Range v) {
        areaSqm = v;
        return this;
    }

    public LeadBuilder areaMu(Lead.Range v) {
        areaMu = v;
        return this;
    }

    /** The visitor's business: its use of the property, expected annual tax and company name. */
    public LeadBuilder business(String use, Double expectedAnnualTaxWan, String company) {
        this.use = use;
        this.expectedAnnualTaxWan = expectedAnnualTaxWan;
        this.company = company;
        return this;
    }

    public LeadBuilder company(String v) {
        company = v;
        return this;
    }

    public LeadBuilder contact(String nameMasked, String phoneMasked) {
        contactNameMasked = nameMasked;
        this.phoneMasked = phoneMasked;
        return this;
    }

    public LeadBuilder message(String v) {
        message = v;
        return this;
    }

    public LeadBuilder score(Integer v) {
        score = v;
        return this;
    }

    public LeadBuilder requirements(Lead.Requirements v) {
        requirements = v;
        return this;
    }

    public LeadBuilder sourceListing(Lead.SourceListing v) {
        sourceListing = v;
        return this;
    }

    public LeadBuilder matches(List<Lead.Match> v) {
        matches = v;
        return this;
    }

    public Lead build() {
        return new Lead(
                leadId,
                receivedAt,
                intent,
                propertyType,
                town,
                areaSqm,
                areaMu,
                use,
                expectedAnnualTaxWan,
                company,
                contactNameMasked,
                phoneMasked,
                message,
                score,
                requirements,
                sourceListing,
                matches);
    }
}
