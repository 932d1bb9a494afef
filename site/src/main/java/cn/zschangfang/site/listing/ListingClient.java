package cn.zschangfang.site.listing;

import cn.zschangfang.site.api.ContentReadCache;
import cn.zschangfang.site.api.QueryValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * content-service's public listing API, server to server. The detail is read as a map: the spec table shows every
 * field the service sends under the names of the listing contract, and a field it does not send is simply not shown.
 * Answers are reused for at most {@code site.content-cache.ttl} (≤ 1 s, see {@link ContentReadCache}); the map a
 * page gets may be shared with concurrent pages, so pages only read it.
 */
@Component
public class ListingClient {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    private final RestClient http;
    private final ContentReadCache cache;

    public ListingClient(@Qualifier("contentRestClient") RestClient http, ContentReadCache cache) {
        this.http = http;
        this.cache = cache;
    }

    /**
     * One page of published listings; the query's parameters go to the service as they are.
     *
     * @throws SearchRefused when the service refuses a filter, with what it said about it
     */
    public ListingRecords.Page search(ListingSearch search, int size) {
        String key = "listings:" + search.apiParameters() + ":" + search.page() + ":" + size;
        try {
            return cache.get(key, () -> fetch(search, size));
        } catch (HttpClientErrorException.BadRequest refused) {
            throw SearchRefused.of(refused);
        }
    }

    private ListingRecords.Page fetch(ListingSearch search, int size) {
        return http.get()
                .uri(b -> {
                    Map<String, Object> values = new LinkedHashMap<>(search.apiParameters());
                    values.put("page", search.page() - 1);
                    values.put("size", size);
                    return QueryValues.build(b.path("/api/content/listings"), values);
                })
                .retrieve()
                .body(ListingRecords.Page.class);
    }

    /** A published listing by slug or id; empty when there is none (or it is not public). */
    public Optional<Map<String, Object>> listing(String idOrSlug) {
        return cache.get("listing:" + idOrSlug, () -> fetch(idOrSlug));
    }

    private Optional<Map<String, Object>> fetch(String idOrSlug) {
        try {
            return Optional.ofNullable(http.get()
                    .uri("/api/content/listings/{id}", idOrSlug)
                    .retrieve()
                    .body(MAP));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND || e.getStatusCode() == HttpStatus.BAD_REQUEST) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
