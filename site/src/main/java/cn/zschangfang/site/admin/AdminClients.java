package cn.zschangfang.site.admin;

import cn.zschangfang.site.config.SiteProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The back office's own clients of content-service and notify-service (the site's shared clients are read-only
 * and public). Built like {@code site.api.ServiceClients}; a photo upload gets a longer read timeout, since
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
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(
                readTimeout.compareTo(properties.readTimeout()) > 0 ? readTimeout : properties.readTimeout());
        return builder.clone()
                .baseUrl(baseUrl.toString())
                .requestFactory(factory)
                .build();
    }
}
