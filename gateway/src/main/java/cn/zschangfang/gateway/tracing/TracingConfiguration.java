package cn.zschangfang.gateway.tracing;

import io.micrometer.tracing.Tracer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;

/** Correlation: {@code X-Request-Id} = trace id on every response. */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    /** Right after Boot's server observation filter (HIGHEST_PRECEDENCE + 1), which opens the span. */
    static final int REQUEST_ID_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter(Tracer tracer) {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter(tracer));
        registration.setOrder(REQUEST_ID_ORDER);
        return registration;
    }

    /**
     * A service may set its own {@code X-Request-Id}; the gateway's value (same trace) is the one the caller gets,
     * once.
     */
    @Bean
    HttpHeadersFilter.ResponseHttpHeadersFilter dropDownstreamRequestId() {
        return (headers, response) -> {
            HttpHeaders copy = new HttpHeaders();
            copy.putAll(headers);
            copy.remove(RequestIdFilter.HEADER);
            return copy;
        };
    }
}
