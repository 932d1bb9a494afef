package cn.zschangfang.notify.web;

import cn.zschangfang.notify.config.NotifyProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
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
    FilterRegistrationBean<OncePerRequestFilter> bodySizeFilter() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                    throws ServletException, IOException {
                if (req.getContentLengthLong() > MAX_BODY_BYTES) {
                    res.setStatus(413);
                    res.setContentType("application/problem+json");
                    res.getWriter()
                            .write("{\"type\":\"https://zschangfang.cn/problems/payload-too-large\","
                                    + "\"title\":\"Payload too large\",\"status\":413}");
                    return;
                }
                chain.doFilter(req, res);
            }
        };
        return new FilterRegistrationBean<>(filter);
    }
}
