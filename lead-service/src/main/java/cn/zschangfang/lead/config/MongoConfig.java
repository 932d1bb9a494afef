package cn.zschangfang.lead.config;

import java.time.Clock;
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

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
