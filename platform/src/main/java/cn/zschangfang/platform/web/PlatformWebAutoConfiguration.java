package cn.zschangfang.platform.web;

import cn.zschangfang.platform.problem.ProblemAdvice;
import cn.zschangfang.platform.problem.ProblemResponseWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every servlet service gets by depending on {@code platform}: the problem advice (unless the service declares
 * a subclass), the problem writer for filters, and strict command bodies. The body-size filter is registered by
 * each service, since only it knows its caps.
 */
// Before WebMvcAutoConfiguration: its ProblemDetailsExceptionHandler (spring.mvc.problemdetails.enabled) backs off only
// when a ResponseEntityExceptionHandler bean is already defined, and would otherwise answer first (order 0).
@AutoConfiguration(
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ProblemAdvice.class)
    ProblemAdvice problemAdvice() {
        return new ProblemAdvice();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemResponseWriter problemResponseWriter(JsonMapper jsonMapper) {
        return new ProblemResponseWriter(jsonMapper);
    }

    @Bean
    StrictCommandBodies strictCommandBodies(JsonMapper jsonMapper) {
        return new StrictCommandBodies(jsonMapper);
    }
}
