package cn.zschangfang.site.seo;

import cn.zschangfang.site.api.ContentClient;
import cn.zschangfang.site.api.ContentClient.ArticleQuery;
import cn.zschangfang.site.config.SiteProperties;
import cn.zschangfang.site.listing.ListingClient;
import cn.zschangfang.site.listing.ListingRecords;
import cn.zschangfang.site.listing.ListingSearch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/** {@code /sitemap.xml} (every published article with its lastmod, plus lists) and {@code /robots.txt}. */
@RestController
class SeoController {

    /** The sitemap protocol allows 50,000 URLs per file; past that, split into a sitemap index. */
    static final int MAX_URLS = 50_000;

    private static final int PAGE = 100;
    private static final CacheControl TEN_MINUTES =
            CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic();

    private final ContentClient content;
    private final SiteProperties properties;
    private final ListingClient listings;

    SeoController(ContentClient content, SiteProperties properties, ListingClient listings) {
        this.content = content;
        this.properties = properties;
        this.listings = listings;
    }

    @GetMapping(path = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> sitemap() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, "/", null, "daily", "1.0");
        url(xml, "/articles", null, "daily", "0.8");
        int count = 2;
        for (int page = 0; count < MAX_URLS; page++) {
            ContentClient.Page result = content.articles(new ArticleQuery(null, null, null, false, page, PAGE));
            for (ContentClient.Summary article : result.items()) {
                url(xml, "/articles/" + article.slug(), article.lastModified(), "monthly", "0.7");
                count++;
            }
            if (result.items().size() < PAGE || (long) (page + 1) * PAGE >= result.total()) {
                break;
            }
        }
        count = listings(xml, count);
        for (ContentClient.Count category : content.categories()) {
            url(xml, "/categories/" + segment(category.name()), null, "daily", "0.6");
        }
        for (ContentClient.Count tag : content.tags()) {
            url(xml, "/tags/" + segment(tag.name()), null, "weekly", "0.5");
        }
        xml.append("</urlset>\n");
        return ResponseEntity.ok()
                .cacheControl(TEN_MINUTES)
                .contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
                .body(xml.toString());
    }

    @GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> robots() {
        String body = String.join(
                "\n",
                "User-agent: *",
                "Allow: /",
                "Disallow: /agent",
                "Disallow: /dashboard",
                "Disallow: /admin",
                "Disallow: /api/",
                "Disallow: /ack/",
                "Disallow: /articles?q=",
                "",
                "Sitemap: " + properties.publicUrl("/sitemap.xml"),
                "");
        return ResponseEntity.ok()
                .cacheControl(TEN_MINUTES)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(body);
    }

    /**
     * Every published listing (lastmod its last edit), after the listing search page. A content-service without the
     * listing API (404) or with it failing leaves the articles' sitemap intact.
     */
    private int listings(StringBuilder xml, int count) {
        StringBuilder part = new StringBuilder();
        int added = 0;
        try {
            url(part, "/listings", null, "daily", "0.9");
            added++;
            for (int page = 1; count + added < MAX_URLS; page++) {
                ListingRecords.Page result =
                        listings.search(ListingSearch.from(Map.of("page", String.valueOf(page))), PAGE);
                for (ListingRecords.Summary l : result.items()) {
                    url(part, l.path(), l.lastModified(), "weekly", "0.8");
                    added++;
                }
                if (result.items().size() < PAGE || (long) page * PAGE >= result.total()) {
                    break;
                }
            }
        } catch (RestClientException e) {
            return count;
        }
        xml.append(part);
        return count + added;
    }

    private void url(StringBuilder xml, String path, Instant lastmod, String changefreq, String priority) {
        xml.append("  <url><loc>")
                .append(HtmlUtils.htmlEscape(properties.publicUrl(path)))
                .append("</loc>");
        if (lastmod != null) {
            xml.append("<lastmod>")
                    .append(lastmod.truncatedTo(ChronoUnit.SECONDS))
                    .append("</lastmod>");
        }
        xml.append("<changefreq>").append(changefreq).append("</changefreq>");
        xml.append("<priority>").append(priority).append("</priority></url>\n");
    }

    private static String segment(String name) {
        return UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
    }
}
