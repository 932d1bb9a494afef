package cn.zschangfang.site.listing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * content-service's public listing API as the site reads it (the listing contract in docs/architecture.md): tolerant
 * records of the site's own, unknown fields ignored, every number nullable.
 */
public final class ListingRecords {

    private ListingRecords() {}

    /** The path of a listing's public page: its slug, or its id where it has none. */
    public static String path(String slug, String id) {
        return "/listings/" + (slug == null || slug.isBlank() ? id : slug);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Photo(String id, String listUrl, String detailUrl, String caption) {}

    /** A listing in search results, on the home page and beside articles: what a card shows. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(
            String id,
            String slug,
            String title,
            String deal,
            String propertyType,
            String town,
            String park,
            Double buildingAreaTotal,
            Double lotSizeArea,
            Double clearHeightM,
            Double powerKva,
            Integer floor,
            Double rentYuanPerSqmMonth,
            Double listPriceWan,
            Photo coverPhoto,
            Instant publishedAt,
            Boolean demo,
            Instant updatedAt) {

        /** The sitemap's lastmod: the last edit when the service sends one, else publication. */
        public Instant lastModified() {
            return updatedAt != null && (publishedAt == null || updatedAt.isAfter(publishedAt))
                    ? updatedAt
                    : publishedAt;
        }

        public String path() {
            return ListingRecords.path(slug, id);
        }

        /** The area people compare: the building's, or the land's for a plot. */
        public Double area() {
            return buildingAreaTotal != null && buildingAreaTotal > 0 ? buildingAreaTotal : lotSizeArea;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Summary> items, int page, int size, long total) {
        public static Page empty(int size) {
            return new Page(List.of(), 0, size, 0);
        }
    }
}
