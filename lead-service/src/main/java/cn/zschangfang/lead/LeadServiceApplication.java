package cn.zschangfang.lead;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Lead service: captures inquiries, keeps them, publishes them through an outbox and tracks them to the end. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LeadServiceApplication {

    public static void main(String[] args) {
        // OTLP export stays off unless OTLP_ENDPOINT is set: Boot creates the exporter as soon as the endpoint
        // property exists, even empty, so it is only defined when there is a value.
        String otlp = System.getenv("OTLP_ENDPOINT");
        if (otlp != null && !otlp.isBlank()) {
            System.setProperty("management.opentelemetry.tracing.export.otlp.endpoint", otlp);
        }
        SpringApplication.run(LeadServiceApplication.class, args);
    }
}
