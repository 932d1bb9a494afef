package cn.zschangfang.site.listing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Listings shown beside other content: the latest on the home page, those of an article's town beside the article,
 * other listings of the same town under a listing. A side box must never take its page down: when content-service's
 * listing API fails, the box is empty and the page renders.
 */
@Component
public class ListingTeasers {

    private static final Logger log = LoggerFactory.getLogger(ListingTeasers.class);

    private final ListingClient listings;

    ListingTeasers(ListingClient listings) {
        this.listings = listings;
    }

    public List<ListingRecords.Summary> latest(int count) {
        return page(Map.of(), count);
    }

    /**
     * For an article: listings in the first town that the article's tags (or else its title) name; where it names
     * none, or that town has none on offer, the latest listings.
     */
    public List<ListingRecords.Summary> forArticle(
            Collection<String> tags, String title, Collection<String> towns, int count) {
        String town = townNamed(tags, title, towns);
        if (town != null) {
            List<ListingRecords.Summary> inTown = page(Map.of("town", town), count);
            if (!inTown.isEmpty()) {
                return inTown;
            }
        }
        return latest(count);
    }

    /** Other listings of the town, without the one shown; the latest where the town has no others. */
    List<ListingRecords.Summary> nearby(String town, String exceptId, int count) {
        List<ListingRecords.Summary> found = new ArrayList<>();
        if (town != null) {
            page(Map.of("town", town), count + 1).stream()
                    .filter(l -> !l.id().equals(exceptId))
                    .limit(count)
                    .forEach(found::add);
        }
        if (found.isEmpty()) {
            latest(count + 1).stream()
                    .filter(l -> !l.id().equals(exceptId))
                    .limit(count)
                    .forEach(found::add);
        }
        return found;
    }

    static String townNamed(Collection<String> tags, String title, Collection<String> towns) {
        for (String town : towns) {
            String shortName = town.replaceAll("(镇|街道|区)$", "");
            for (String tag : tags == null ? List.<String>of() : tags) {
                if (tag.equals(town) || tag.equals(shortName) || tag.contains(town)) {
                    return town;
                }
            }
        }
        for (String town : towns) {
            String shortName = town.replaceAll("(镇|街道|区)$", "");
            if (title != null && shortName.length() >= 2 && title.contains(shortName)) {
                return town;
            }
        }
        return null;
    }

    private List<ListingRecords.Summary> page(Map<String, String> filters, int count) {
        try {
            ListingRecords.Page page = listings.search(ListingSearch.from(new HashMap<>(filters)), count);
            return page == null || page.items() == null ? List.of() : page.items();
        } catch (RestClientException e) {
            log.warn("listings for a side box unavailable ({}); the page renders without them", e.getMessage());
            return List.of();
        }
    }
}
