package cn.zschangfang.notify.web;

import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.platform.problem.ProblemResponseWriter;
import cn.zschangfang.platform.web.BodySizeLimitFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Admin authentication on admin paths and a request body size cap. */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    /** Agent definitions and robot messages are small; anything larger is refused before it is parsed. */
    static final long MAX_BODY_BYTES = 64 * 1024;

    private final NotifyProperties properties;

    public WebConfig(NotifyProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new BearerAuthInterceptor(properties))
                .addPathPatterns("/api/notify/agents", "/api/notify/agents/**", "/api/notify/admin/**");
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeFilter(ProblemResponseWriter problems) {
        return new FilterRegistrationBean<>(new BodySizeLimitFilter(request -> MAX_BODY_BYTES, problems));
    }
}
