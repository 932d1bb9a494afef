package cn.zschangfang.site.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the services are (server to server) and where the public reaches the portal.
 *
 * @param contentUrl content-service base URL (env {@code CONTENT_URL})
 * @param leadUrl lead-service base URL (env {@code LEAD_URL})
 * @param notifyUrl notify-service base URL (env {@code NOTIFY_URL})
 * @param publicUrl the gateway as browsers and search engines see it (env {@code PUBLIC_BASE_URL}): canonical
 *     links, Open Graph, the sitemap and share QR codes are built from it, never from a request's Host header
 * @param connectTimeout TCP connect to a service: short, so a page fails fast to its error page
 * @param readTimeout how long a page waits for a service's answer
 * @param contact the portal's phone and WeChat, shown on every page (also without JavaScript)
 * @param areas the town list of the inquiry form (subdistricts, towns, zones), a Spring resource location
 */
@Validated
@ConfigurationProperties("site")
public record SiteProperties(
        @NotNull @DefaultValue("http://127.0.0.1:8081") URI contentUrl,
        @NotNull @DefaultValue("http://127.0.0.1:8082") URI leadUrl,
        @NotNull @DefaultValue("http://127.0.0.1:8083") URI notifyUrl,
        @NotNull @DefaultValue("http://localhost:8080") URI publicUrl,
        @NotNull @DefaultValue("1s") Duration connectTimeout,
        @NotNull @DefaultValue("5s") Duration readTimeout,
        @Valid @NotNull @DefaultValue Contact contact,

        @NotBlank @DefaultValue("classpath:reference/zhongshan-areas.json")
        String areas) {

    /**
     * @param name the portal's name in the header and titles
     * @param hotline the 400 number for 产业招商 / 厂房土地租售
     * @param mobile the consultant's mobile, which is also his WeChat ID
     * @param consultant the consultant's name as in "长按/扫一扫加…的微信号"
     */
    public record Contact(
            @NotBlank @DefaultValue("中山厂房网") String name,
            @NotBlank @DefaultValue("400 0123 021") String hotline,
            @NotBlank @DefaultValue("13391219793") String mobile,
            @NotBlank @DefaultValue("葛毅明") String consultant,

            @NotBlank @DefaultValue("粤B2-20160575B1-20203854")
            String licence) {}

    /** An absolute public URL for a site path such as {@code /articles/x}. */
    public String publicUrl(String path) {
        String base = publicUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + path;
    }
}
