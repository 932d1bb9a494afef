package cn.zschangfang.site.inquiry;

/**
 * What the inquiry form is preset to on a listing's page (model attribute {@code inquiryPreset}): the listing the
 * lead is about ({@code sourceListing}), its title shown above the form, and its town, lead property type, intent and
 * area preselected, so a visitor only adds name and mobile. All of it stays editable.
 */
public record InquiryPreset(
        String sourceListing,
        String title,
        String town,
        String propertyType,
        String intent,
        String areaMin,
        String areaMax) {}
