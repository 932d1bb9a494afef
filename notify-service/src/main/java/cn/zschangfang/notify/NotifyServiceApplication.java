package cn.zschangfang.notify;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Routes captured leads to agents and delivers them through WeChat Work, SMS, DingTalk, Feishu or the sandbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotifyServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotifyServiceApplication.class, args);
    }
}
