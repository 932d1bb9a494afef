package cn.zschangfang.site;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The portal's server-rendered pages; talks to the services over HTTP only, never to their databases. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SiteApplication {

    public static void main(String[] args) {
        SpringApplication.run(SiteApplication.class, args);
    }
}
