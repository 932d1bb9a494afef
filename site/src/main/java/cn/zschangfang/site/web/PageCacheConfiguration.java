package cn.zschangfang.site.web;

import cn.zschangfang.site.api.ContentCacheProperties;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link PageCache} just outside the ETag filter (which runs last), so a stored page keeps its ETag. */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

    /** The bound for an edit to show on every page; a page may be as old as both caches together. */
    static final Duration EDIT_VISIBLE_WITHIN = Duration.ofSeconds(1);

    @Bean
    FilterRegistrationBean<PageCache> pageCacheFilter(PageCacheProperties pages, ContentCacheProperties content) {
        if (pages.ttl().plus(content.ttl()).compareTo(EDIT_VISIBLE_WITHIN) > 0) {
            throw new IllegalStateException("site.page-cache.ttl (" + pages.ttl() + ") + site.content-cache.ttl ("
                    + content.ttl() + ") exceed " + EDIT_VISIBLE_WITHIN
                    + ": an edit would not show on every page within a second");
        }
        FilterRegistrationBean<PageCache> registration = new FilterRegistrationBean<>(new PageCache(pages));
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setName("pageCache");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return registration;
    }
}
