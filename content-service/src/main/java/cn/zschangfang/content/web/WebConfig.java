package cn.zschangfang.content.web;

import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.platform.problem.ProblemResponseWriter;
import cn.zschangfang.platform.web.BodySizeLimitFilter;
import jakarta.servlet.http.HttpServletRequest;
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

    private final ContentProperties properties;

    public WebConfig(ContentProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminAuthInterceptor(properties)).addPathPatterns("/api/content/admin/**");
    }

    /** The bulk import may be large, a view beacon is tiny, everything else sits in between. */
    static long limitFor(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri.startsWith("/api/content/admin/import")) {
            return IMPORT_LIMIT;
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
     * Weak-validator ETags on GET responses (hash of the body) so a browser or CDN can revalidate with
     * {@code If-None-Match} and get a 304; Cache-Control is set by the controllers.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> bean =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        bean.addUrlPatterns(
                "/api/content/articles",
                "/api/content/articles/*",
                "/api/content/tags",
                "/api/content/categories",
                "/api/content/stats/*",
                "/api/content/listings",
                "/api/content/listings/*");
        return bean;
    }
}
