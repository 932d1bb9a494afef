package cn.zschangfang.site.admin;

import cn.zschangfang.site.api.RestClients;
import cn.zschangfang.site.config.SiteProperties;
import java.net.URI;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The back office's own clients of content-service and notify-service (the site's shared clients are read-only
 * and public). Built by {@link RestClients} like the shared ones; a photo upload gets a longer read timeout, since
 * content-service resizes it before answering.
 */
@Configuration(proxyBeanMethods = false)
class AdminClients {

    @Bean
    ContentAdmin contentAdmin(RestClient.Builder builder, SiteProperties properties) {
        return new ContentAdmin(client(builder, properties, properties.contentUrl(), Duration.ofSeconds(30)));
    }

    @Bean
    NotifyAdmin notifyAdmin(RestClient.Builder builder, SiteProperties properties) {
        return new NotifyAdmin(client(builder, properties, properties.notifyUrl(), Duration.ofSeconds(20)));
    }

    private static RestClient client(
            RestClient.Builder builder, SiteProperties properties, URI baseUrl, Duration readTimeout) {
        return RestClients.of(
                builder,
                properties,
                baseUrl,
                readTimeout.compareTo(properties.readTimeout()) > 0 ? readTimeout : properties.readTimeout());
    }
}
