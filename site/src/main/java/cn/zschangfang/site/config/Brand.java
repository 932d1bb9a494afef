package cn.zschangfang.site.config;

import org.springframework.stereotype.Component;

/** What every page shows about the portal; templates read it as model attribute {@code brand} (BrandAdvice). */
@Component("brand")
public class Brand {

    private final SiteProperties properties;

    public Brand(SiteProperties properties) {
        this.properties = properties;
    }

    public String getName() {
        return properties.contact().name();
    }

    public String getHotline() {
        return properties.contact().hotline();
    }

    /** The hotline as a {@code tel:} target: digits only. */
    public String getHotlineTel() {
        return properties.contact().hotline().replaceAll("[^0-9+]", "");
    }

    public String getMobile() {
        return properties.contact().mobile();
    }

    public String getConsultant() {
        return properties.contact().consultant();
    }

    public String getLicence() {
        return properties.contact().licence();
    }

    public String getPublicUrl() {
        return properties.publicUrl("");
    }

    /** For the copyright line, in the portal's time zone. */
    public int getYear() {
        return java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue();
    }

    public String url(String path) {
        return properties.publicUrl(path);
    }
}
