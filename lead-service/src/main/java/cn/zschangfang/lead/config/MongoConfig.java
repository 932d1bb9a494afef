package cn.zschangfang.lead.config;

import java.time.Clock;
import java.time.Duration;
import org.bson.UuidRepresentation;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** MongoDB settings Spring Data MongoDB 5 no longer defaults, and the clock every time-based rule reads. */
@Configuration(proxyBeanMethods = false)
public class MongoConfig {

    @Bean
    MongoClientSettingsBuilderCustomizer uuidRepresentation() {
        return builder -> builder.uuidRepresentation(UuidRepresentation.STANDARD);
    }

    /** Ticks in milliseconds: what MongoDB stores, so an answer and a later read show the same instant. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
