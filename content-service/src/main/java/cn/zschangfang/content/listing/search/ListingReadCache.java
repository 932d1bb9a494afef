package cn.zschangfang.content.listing.search;

import cn.zschangfang.content.cache.Answer;
import cn.zschangfang.content.cache.Cached;
import cn.zschangfang.content.cache.Etags;
import cn.zschangfang.content.cache.FeatureReadCache;
import cn.zschangfang.content.cache.ReadCache;
import cn.zschangfang.content.cache.ReadCaches;
import cn.zschangfang.content.listing.model.Listing;
import cn.zschangfang.content.listing.model.ListingPage;
import cn.zschangfang.content.listing.model.ListingRefreshed;
import cn.zschangfang.content.listing.model.ListingResponse;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Published listings by id or slug and listing searches through the in-memory cache. A search is keyed by its
 * normalized filter (town in full, areas in ㎡), so {@code town=小榄} and {@code town=小榄镇}, or 亩 and the same
 * area in ㎡, share an entry. Any listing write drops everything (see {@link FeatureReadCache}): here at once, elsewhere
 * when {@code content.listing-refreshed} arrives.
 */
@Component
public class ListingReadCache extends FeatureReadCache {

    /** A search as {@link ListingQueries#search} runs it. */
    record SearchKey(ListingFilter filter, ListingSort sort, int page, int size) {}

    private final ListingQueries queries;
    private final JsonMapper json;
    private final ReadCache<String, Optional<Cached<ListingResponse>>> listings;
    private final ReadCache<SearchKey, Cached<ListingPage>> searches;

    public ListingReadCache(ListingQueries queries, JsonMapper json, ReadCaches caches) {
        super(caches, ListingRefreshEvents.TOPIC);
        this.queries = queries;
        this.json = json;
        this.listings = cache("listings");
        this.searches = cache("listing_searches");
    }

    public Optional<Answer<ListingResponse>> listing(String idOrSlug) {
        return listings.get(idOrSlug, this::load).map(c -> new Answer<>(c.value(), Etags.weak(c.contentHash())));
    }

    public Answer<ListingPage> search(SearchKey key) {
        Cached<ListingPage> cached =
                searches.get(key, k -> Cached.of(json, queries.search(k.filter(), k.sort(), k.page(), k.size())));
        return new Answer<>(cached.value(), Etags.weak(cached.contentHash()));
    }

    @EventListener
    void on(ListingRefreshed refreshed) {
        invalidateAll();
    }

    private Optional<Cached<ListingResponse>> load(String idOrSlug) {
        Listing listing = idOrSlug.length() > 120 ? null : queries.findPublished(idOrSlug);
        return Optional.ofNullable(listing).map(l -> Cached.of(json, ListingResponse.forPublic(l)));
    }
}
