package cn.zschangfang.content.web;

import cn.zschangfang.content.config.ContentProperties;
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

    private final ContentProperties properties;

    public WebConfig(ContentProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminAuthInterceptor(properties)).addPathPatterns("/api/content/admin/**");
        registry.addInterceptor(new BodySizeLimitInterceptor()).addPathPatterns("/api/**");
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter() {
        FilterRegistrationBean<BodySizeLimitFilter> bean = new FilterRegistrationBean<>(new BodySizeLimitFilter());
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
                "/api/content/stats/*");
        return bean;
    }
}
