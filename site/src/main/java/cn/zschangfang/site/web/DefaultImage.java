package cn.zschangfang.site.web;

import cn.zschangfang.site.config.SiteProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The portal's share card (1200×630, {@code assets/img/og-default.png}) as an absolute, fingerprinted URL: the
 * {@code og:image} of a page without a picture of its own, so WeChat and search previews show the brand rather
 * than whatever image a crawler happens to find.
 */
@Component
public class DefaultImage {

    static final String PATH = "/assets/img/og-default.png";

    private final ResourceUrlProvider urls;
    private final SiteProperties properties;

    DefaultImage(ResourceUrlProvider urls, SiteProperties properties) {
        this.urls = urls;
        this.properties = properties;
    }

    public String url() {
        String versioned = urls.getForLookupPath(PATH);
        return properties.publicUrl(versioned == null ? PATH : versioned);
    }
}
