package cn.zschangfang.site.config;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Assets under {@code /assets/**} are fingerprinted ({@code site-<md5>.css}, via Spring's content version strategy,
 * rewritten in templates by {@code @{/assets/...}}) and cached for a year; pages get an ETag so that a reload costs
 * a 304. The ETag is weak: Tomcat does not compress a response with a strong one (a 41 KB article page would go to
 * a phone uncompressed), and a weak ETag is the right one for a body sent gzipped or not.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Duration ASSET_MAX_AGE = Duration.ofDays(365);

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(
                        CacheControl.maxAge(ASSET_MAX_AGE).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        // Webjars (e.g. org.webjars.npm:echarts) carry their version in the path already.
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(
                        CacheControl.maxAge(ASSET_MAX_AGE).cachePublic().immutable());
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
        PageEtagFilter filter = new PageEtagFilter();
        filter.setWriteWeakETag(true);
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setName("etagFilter");
        // Last, inside web.PageCache, which stores the page with the ETag computed here.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    /** The ETag filter buffers the whole body: never for a Server-Sent Events stream, which never ends. */
    static final class PageEtagFilter extends ShallowEtagHeaderFilter {
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            return (accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE))
                    || request.getRequestURI().startsWith("/assets/");
        }
    }
}
