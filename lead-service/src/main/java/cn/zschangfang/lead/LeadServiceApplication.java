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
        SpringApplication.run(LeadServiceApplication.class, args);
    }
}
