package cn.zschangfang.lead.capture;

/**
 * The inquiry form as sent. Enumerations arrive as strings so an unknown value is reported as a field error
 * rather than a parse failure. Unknown properties are refused (400 {@code unknown_field}): a misspelt field must
 * never be dropped silently.
 *
 * @param website honeypot: hidden in the browser form, only bots fill it
 * @param formStartedAt epoch milliseconds when the browser form was shown (minimum fill time)
 * @param altcha the ALTCHA widget's base64 payload
 * @param marketingSmsConsent the form's separate, unticked opt-in to marketing SMS: a consent purpose of its own,
 *     never implied by {@code consent} (which covers only being contacted about this inquiry)
 * @param requirements the optional structured needs (更多要求)
 * @param sourceListing id (or slug) of the listing whose page the form was sent from
 */
public record CaptureRequest(
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
        String visitorId,
        Boolean consent,
        String website,
        Long formStartedAt,
        String altcha,
        Boolean marketingSmsConsent,
        RequirementsRequest requirements,
        String sourceListing) {

    public record Range(Double min, Double max) {}

    /** Enumerations as text, like the fields above, so a wrong value is a field error naming it. */
    public record RequirementsRequest(
            Double minClearHeightM,
            Double minPowerKva,
            String floor,
            String fireClass,
            Double craneTonnage,
            BudgetRequest budget,
            String moveInDate,
            Integer leaseTermMonths,
            String industry) {}

    public record BudgetRequest(Double amount, String unit) {}
}
