package cn.zschangfang.lead.inquiry;

/**
 * An inquiry that passed validation, in the groups the lead stores: the inquiry with the full town name and both area
 * units, the contact with the normalized phone, requirements (null when none was stated) and the known listing it was
 * sent from (null when none).
 */
public record ValidInquiry(
        Lead.Inquiry inquiry,
        Lead.Contact contact,
        String sourceArticle,
        String visitorId,
        boolean marketingSmsConsent,
        Requirements requirements,
        SourceListing sourceListing) {}
