package cn.zschangfang.site.listing;

import cn.zschangfang.site.config.Brand;
import cn.zschangfang.site.web.JsonLd;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON-LD of a listing page: a schema.org {@code RealEstateListing} whose {@code offers} is an {@code Offer} (rent per
 * ㎡ and month, or the sale price) for the {@code Place} itself (floor size in ㎡, address in Zhongshan), and the
 * breadcrumb, escaped as {@link JsonLd} escapes every page's.
 */
@Component
class ListingStructuredData {

    private final JsonMapper json;
    private final Brand brand;

    ListingStructuredData(JsonMapper json, Brand brand) {
        this.json = json;
        this.brand = brand;
    }

    String listing(ListingView l, String canonical, UnaryOperator<String> absolute) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("@type", "PostalAddress");
        address.put("addressCountry", "CN");
        address.put("addressRegion", "广东省");
        address.put("addressLocality", "中山市");
        if (l.town() != null) {
            address.put("streetAddress", l.location());
        }

        Map<String, Object> place = new LinkedHashMap<>();
        place.put("@type", "Place");
        place.put("name", l.title());
        place.put("address", address);
        if (l.areaSqm() != null) {
            place.put(
                    "additionalProperty",
                    JsonLd.node("PropertyValue", "name", "面积", "value", l.areaSqm(), "unitCode", "MTK"));
        }

        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("@type", "Offer");
        offer.put(
                "businessFunction",
                "SALE".equals(l.deal())
                        ? "http://purl.org/goodrelations/v1#Sell"
                        : "http://purl.org/goodrelations/v1#LeaseOut");
        offer.put("priceCurrency", "CNY");
        offer.put("availability", "https://schema.org/InStock");
        offer.put("url", canonical);
        offer.put("description", l.priceText());
        offer.put("itemOffered", place);
        offer.put("seller", JsonLd.node("Organization", "name", brand.getName(), "url", brand.url("/")));

        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("@context", "https://schema.org");
        listing.put("@type", "RealEstateListing");
        listing.put("name", l.title());
        listing.put("url", canonical);
        listing.put("description", l.description());
        listing.put("inLanguage", "zh-CN");
        if (l.publishedAt() != null) {
            listing.put("datePosted", l.publishedAt().toString());
        }
        if (!l.photos().isEmpty()) {
            listing.put(
                    "image",
                    l.photos().stream().map(p -> absolute.apply(p.detailUrl())).toList());
        }
        listing.put("offers", offer);

        return JsonLd.script(
                json,
                List.of(listing, JsonLd.breadcrumb(brand, "厂房土地租售", brand.url("/listings"), l.title(), canonical)));
    }
}
