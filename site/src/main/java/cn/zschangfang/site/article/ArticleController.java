package cn.zschangfang.site.article;

import cn.zschangfang.site.api.ContentClient;
import cn.zschangfang.site.api.ContentClient.Article;
import cn.zschangfang.site.config.SiteProperties;
import cn.zschangfang.site.inquiry.TownNames;
import cn.zschangfang.site.listing.ListingTeasers;
import cn.zschangfang.site.web.CachePolicy;
import cn.zschangfang.site.web.DefaultImage;
import cn.zschangfang.site.web.PageMeta;
import cn.zschangfang.site.web.PageNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One article as the seed page shows it, with the inquiry form; an unknown slug is the site's HTML 404. */
@Controller
class ArticleController {

    /** Slugs as content-service makes them; anything else cannot exist and never reaches the service. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,119}");

    private final ContentClient content;
    private final SiteProperties properties;
    private final StructuredData structuredData;
    private final DefaultImage defaultImage;
    private final ListingTeasers listings;
    private final List<String> towns;

    ArticleController(
            ContentClient content,
            SiteProperties properties,
            StructuredData structuredData,
            DefaultImage defaultImage,
            ListingTeasers listings,
            TownNames towns) {
        this.listings = listings;
        this.towns = towns.names();
        this.content = content;
        this.properties = properties;
        this.structuredData = structuredData;
        this.defaultImage = defaultImage;
    }

    @GetMapping("/articles/{slug}")
    String article(@PathVariable String slug, Model model, HttpServletResponse response) {
        if (!SLUG.matcher(slug).matches()) {
            throw new PageNotFoundException("article");
        }
        Article article = content.article(slug).orElseThrow(() -> new PageNotFoundException("article"));
        String canonical = properties.publicUrl("/articles/" + article.slug());
        model.addAttribute("meta", PageMeta.of(article.title(), Excerpts.description(article), canonical));
        model.addAttribute("nav", "category");
        model.addAttribute("article", article);
        model.addAttribute("canonical", canonical);
        model.addAttribute("jsonLd", structuredData.newsArticle(article, canonical));
        model.addAttribute(
                "popular",
                content.articles(ContentClient.ArticleQuery.popular(8)).items());
        model.addAttribute("ogDefaultImage", defaultImage.url());
        model.addAttribute("relatedListings", listings.forArticle(article.tags(), article.title(), towns, 4));
        model.addAttribute("hasInquiryForm", true);
        response.setHeader("Cache-Control", CachePolicy.PUBLIC_PAGE.getHeaderValue());
        return "article/article";
    }
}
