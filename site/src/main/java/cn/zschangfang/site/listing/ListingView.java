package cn.zschangfang.site.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the listing page shows above its spec table, taken from the detail map: title, the key figures (面积, 价格,
 * 层高, 配电), where it is, its photos, and what the inquiry form is preset to.
 */
public record ListingView(
        String id,
        String slug,
        String title,
        String description,
        String deal,
        String propertyType,
        String town,
        String park,
        String address,
        String areaText,
        String priceText,
        String heightText,
        String powerText,
        Double areaSqm,
        List<ListingRecords.Photo> photos,
        String agentId,
        Instant publishedAt,
        Instant updatedAt,
        Instant lastVerifiedAt,
        boolean demo) {

    public String path() {
        return ListingRecords.path(slug, id);
    }

    /** Where it is, as one line: 镇街 · 园区 · 地址. */
    public String location() {
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {town, park, address}) {
            if (p != null && !p.isBlank()) {
                parts.add(p);
            }
        }
        return String.join(" · ", parts);
    }

    static ListingView of(Map<String, Object> l, ListingText text) {
        String deal = str(l.get("deal"));
        String type = str(l.get("propertyType"));
        String town = str(l.get("town"));
        Double building = dbl(l.get("buildingAreaTotal"));
        boolean land = "INDUSTRIAL_LAND".equals(type) || building == null;
        Double area = land ? dbl(l.get("lotSizeArea")) : building;
        Double height = dbl(l.get("clearHeightM"));
        Double power = dbl(l.get("powerKva"));
        String areaText = text.area(area, land);
        String priceText = text.price(deal, dbl(l.get("rentYuanPerSqmMonth")), dbl(l.get("listPriceWan")));
        String heightText = height == null ? null : text.number(height, 1) + " m";
        String powerText = power == null ? null : text.number(power, 0) + " kVA";
        String summary = (town == null ? "" : town)
                + text.type(type) + text.deal(deal) + "，"
                + areaText + "，" + priceText
                + (heightText == null ? "" : "，层高 " + heightText)
                + (powerText == null ? "" : "，配电 " + powerText)
                + "。";
        String description = str(l.get("description"));
        if (description != null && !description.isBlank()) {
            String plain = description
                    .replaceAll("<[^>]*>", " ")
                    .replaceAll("\\s+", " ")
                    .strip();
            summary += plain.length() > 80 ? plain.substring(0, 80) + "…" : plain;
        }
        String title = str(l.get("title"));
        return new ListingView(
                str(l.get("id")),
                str(l.get("slug")),
                title == null ? "中山厂房房源" : title,
                summary,
                deal,
                type,
                town,
                str(l.get("park")),
                str(l.get("address")),
                areaText,
                priceText,
                heightText,
                powerText,
                area,
                photos(l.get("photos")),
                str(l.get("agentId")),
                instant(l.get("publishedAt")),
                instant(l.get("updatedAt")),
                instant(l.get("lastVerifiedAt")),
                Boolean.TRUE.equals(l.get("demo")));
    }

    /** The description as the service sanitized it (content-service owns the sanitizer), or null. */
    static String body(Map<String, Object> l) {
        return str(l.get("description"));
    }

    private static List<ListingRecords.Photo> photos(Object value) {
        List<ListingRecords.Photo> photos = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> p && p.get("listUrl") != null) {
                    photos.add(new ListingRecords.Photo(
                            str(p.get("id")), str(p.get("listUrl")), str(p.get("detailUrl")), str(p.get("caption"))));
                }
            }
        }
        return photos;
    }

    private static String str(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Double dbl(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static Instant instant(Object value) {
        try {
            return value == null ? null : Instant.parse(String.valueOf(value));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
