package cn.zschangfang.site.agent;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Sessions on the inbox and dashboard paths; refuses the development service token outside {@code local}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AgentConfiguration implements WebMvcConfigurer {

    private final SessionAccess access;

    AgentConfiguration(SessionAccess access, AgentProperties properties, Environment environment) {
        this.access = access;
        if (!environment.acceptsProfiles(Profiles.of("local"))
                && AgentProperties.DEV_SERVICE_TOKEN.equals(properties.serviceToken())) {
            throw new IllegalStateException(
                    "ADMIN_TOKEN still has its development default: set ADMIN_TOKEN outside the local profile");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(access)
                .addPathPatterns("/agent", "/agent/**", "/dashboard", "/dashboard/**")
                .excludePathPatterns("/agent/login", "/agent/signin");
    }

    /** Apart from the interceptor wiring, so the clock does not depend on what depends on it. */
    @Configuration(proxyBeanMethods = false)
    static class ClockConfiguration {
        @Bean
        @ConditionalOnMissingBean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
