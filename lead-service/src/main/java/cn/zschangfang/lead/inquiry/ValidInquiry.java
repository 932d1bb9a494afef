package cn.zschangfang.lead.inquiry;

/**
 * An inquiry that passed validation: normalized phone, full town name, both area units, requirements (null when none
 * was stated) and the known listing it was sent from (null when none).
 */
public record ValidInquiry(
        Lead.Intent intent,
        Lead.PropertyType propertyType,
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
        boolean marketingSmsConsent,
        Requirements requirements,
        SourceListing sourceListing) {

    public Lead.Inquiry inquiry() {
        return new Lead.Inquiry(intent, propertyType, town, areaSqm, areaMu, use, expectedAnnualTaxWan, message);
    }

    public Lead.Contact contact() {
        return new Lead.Contact(contactName, phone, company);
    }
}
