package cn.zschangfang.gateway.limit;

import cn.zschangfang.platform.problem.ProblemResponseWriter;
import cn.zschangfang.platform.web.BodySizeLimitFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.web.filter.CorsFilter;

/**
 * The limit filters. They run inside the Spring Security chain right after its CORS filter and before any token is
 * verified: a 429 or 413 then carries the CORS headers (a browser page on an allowed origin can read it), the
 * security headers and {@code X-Request-Id}, and a flood never reaches the agent-token lookup.
 */
@Configuration(proxyBeanMethods = false)
@Import(RateLimitFilter.class) // its one constructor takes exactly the beans it needs
class LimitConfiguration {

    @Bean
    LimitRules limitRules(LimitProperties properties) {
        return new LimitRules(properties);
    }

    @Bean
    ClientIpResolver clientIpResolver(LimitProperties properties) {
        return new ClientIpResolver(properties.trustedProxies());
    }

    @Bean
    ClientAddressHeaderFilter clientAddressHeaderFilter(ClientIpResolver resolver) {
        return new ClientAddressHeaderFilter(resolver);
    }

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter(LimitRules rules, ProblemResponseWriter problems) {
        return new BodySizeLimitFilter(rules::maxBodyBytes, problems, BodySizeLimitFilter.ChunkedBodies.BUFFERED);
    }

    /**
     * Puts the limits into the security chain: cheap refusals first, after CORS so that a 429/413 is readable by an
     * allowed page. Spring Security applies every {@code Customizer<HttpSecurity>} bean to the chain it builds, so
     * the security package does not need to know these filters.
     */
    @Bean
    Customizer<HttpSecurity> limitFilters(RateLimitFilter rateLimitFilter, BodySizeLimitFilter bodySizeLimitFilter) {
        return http -> http.addFilterAfter(rateLimitFilter, CorsFilter.class)
                .addFilterAfter(bodySizeLimitFilter, RateLimitFilter.class);
    }

    /** Not a servlet filter of its own: it runs inside the security chain, see the class comment. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilterRegistration(BodySizeLimitFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
