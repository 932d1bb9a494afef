package cn.zschangfang.site.api;

import cn.zschangfang.site.config.SiteProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** One {@link RestClient} per service ({@link RestClients}) with the configured timeouts. */
@Configuration(proxyBeanMethods = false)
class ServiceClients {

    /** One cache for both content clients: article and listing pages share its bound. */
    @Bean
    ContentReadCache contentReadCache(ContentCacheProperties properties, ObjectProvider<MeterRegistry> registry) {
        return new ContentReadCache(properties, registry.getIfAvailable());
    }

    @Bean
    ContentClient contentClient(RestClient.Builder builder, SiteProperties properties, ContentReadCache cache) {
        return new ContentClient(client(builder, properties, properties.contentUrl()), cache);
    }

    @Bean
    LeadClient leadClient(RestClient.Builder builder, SiteProperties properties) {
        return new LeadClient(client(builder, properties, properties.leadUrl()));
    }

    /** content-service's listing API: {@code site.listing} builds its client from this one (no cycle to it). */
    @Bean
    RestClient contentRestClient(RestClient.Builder builder, SiteProperties properties) {
        return client(builder, properties, properties.contentUrl());
    }

    /** For S2's sign-in links and the dashboard's delivery figures. */
    @Bean
    RestClient notifyRestClient(RestClient.Builder builder, SiteProperties properties) {
        return client(builder, properties, properties.notifyUrl());
    }

    @Bean
    RestClientCustomizer siteUserAgent() {
        return builder -> builder.defaultHeader("User-Agent", "zschangfang-site");
    }

    private static RestClient client(RestClient.Builder builder, SiteProperties properties, URI baseUrl) {
        return RestClients.of(builder, properties, baseUrl, properties.readTimeout());
    }
}
