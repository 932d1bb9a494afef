package cn.zschangfang.content.web;

import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.content.listing.admin.ArticleAuditInterceptor;
import cn.zschangfang.content.listing.admin.AuditLog;
import cn.zschangfang.content.listing.admin.ListingAuthInterceptor;
import cn.zschangfang.content.listing.admin.ListingCallers;
import cn.zschangfang.platform.problem.ProblemResponseWriter;
import cn.zschangfang.platform.web.BodySizeLimitFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Admin authentication, body caps and ETags for the public read API. */
@Configuration
public class WebConfig implements WebMvcConfigurer {

    static final long IMPORT_LIMIT = 32L * 1024 * 1024;
    static final long BEACON_LIMIT = 4L * 1024;
    static final long DEFAULT_LIMIT = 2L * 1024 * 1024;
    /** A photo upload: above the listing photo limit (10 MB by default, answered 413 by the upload itself). */
    static final long PHOTO_UPLOAD_LIMIT = 24L * 1024 * 1024;

    private static final String LISTINGS_ADMIN = "/api/content/admin/listings";

    private final ContentProperties properties;
    private final ObjectProvider<ListingCallers> listingCallers;
    private final ObjectProvider<AuditLog> audit;

    /** Listing beans are looked up lazily: a web slice test of another feature does not have them. */
    public WebConfig(
            ContentProperties properties,
            ObjectProvider<ListingCallers> listingCallers,
            ObjectProvider<AuditLog> audit) {
        this.properties = properties;
        this.listingCallers = listingCallers;
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Listings are also edited by managers (agent tokens verified with notify-service), the rest is ADMIN only.
        registry.addInterceptor(new AdminAuthInterceptor(properties))
                .addPathPatterns("/api/content/admin/**")
                .excludePathPatterns(LISTINGS_ADMIN, LISTINGS_ADMIN + "/**");
        ListingCallers callers = listingCallers.getIfAvailable();
        if (callers != null) {
            registry.addInterceptor(new ListingAuthInterceptor(callers))
                    .addPathPatterns(LISTINGS_ADMIN, LISTINGS_ADMIN + "/**");
        } else {
            // Without the listing feature its admin paths stay closed like the rest of the back office.
            registry.addInterceptor(new AdminAuthInterceptor(properties))
                    .addPathPatterns(LISTINGS_ADMIN, LISTINGS_ADMIN + "/**");
        }
        AuditLog auditLog = audit.getIfAvailable();
        if (auditLog != null) {
            registry.addInterceptor(new ArticleAuditInterceptor(auditLog))
                    .addPathPatterns(
                            "/api/content/admin/articles",
                            "/api/content/admin/articles/**",
                            "/api/content/admin/import")
                    .excludePathPatterns("/api/content/admin/articles/preview");
        }
    }

    /** The bulk import may be large, a view beacon is tiny, everything else sits in between. */
    static long limitFor(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri.startsWith("/api/content/admin/import")) {
            return IMPORT_LIMIT;
        }
        if (uri.startsWith(LISTINGS_ADMIN) && uri.endsWith("/photos")) {
            return PHOTO_UPLOAD_LIMIT;
        }
        if (uri.endsWith("/views")) {
            return BEACON_LIMIT;
        }
        return DEFAULT_LIMIT;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ProblemResponseWriter problems) {
        FilterRegistrationBean<BodySizeLimitFilter> bean =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(WebConfig::limitFor, problems));
        bean.addUrlPatterns("/api/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }

    /**
     * Weak-validator ETags (hash of the buffered body) on the statistics, so a browser can revalidate with
     * {@code If-None-Match} and get a 304. Articles, tags, categories and listings are not filtered: they carry a
     * version ETag from the read cache, computed once per cached entry instead of buffering and hashing every body.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> bean =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        bean.addUrlPatterns("/api/content/stats/*");
        return bean;
    }
}
