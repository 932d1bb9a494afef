package cn.zschangfang.site.api;

import cn.zschangfang.site.config.SiteProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * How the site builds a client of another service: from Boot's builder (so calls are observed and carry
 * {@code traceparent}), over the JDK client, no redirects followed, the configured connect timeout.
 */
public final class RestClients {

    private RestClients() {}

    public static RestClient of(
            RestClient.Builder builder, SiteProperties properties, URI baseUrl, Duration readTimeout) {
        // HTTP/1.1 explicitly: the JDK client would otherwise try an h2c upgrade on every plain-HTTP call.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        return builder.clone()
                .baseUrl(baseUrl.toString())
                .requestFactory(factory)
                .build();
    }
}
