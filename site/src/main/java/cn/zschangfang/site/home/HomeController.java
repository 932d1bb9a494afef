package cn.zschangfang.site.home;

import cn.zschangfang.site.api.ContentClient;
import cn.zschangfang.site.api.ContentClient.ArticleQuery;
import cn.zschangfang.site.config.SiteProperties;
import cn.zschangfang.site.listing.ListingTeasers;
import cn.zschangfang.site.web.CachePolicy;
import cn.zschangfang.site.web.PageMeta;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: latest and most-read articles, categories and tags, the call to action with the inquiry form. */
@Controller
class HomeController {

    private final ContentClient content;
    private final SiteProperties properties;
    private final ListingTeasers listings;

    HomeController(ContentClient content, SiteProperties properties, ListingTeasers listings) {
        this.content = content;
        this.properties = properties;
        this.listings = listings;
    }

    @GetMapping("/")
    String home(Model model, HttpServletResponse response) {
        model.addAttribute(
                "meta", PageMeta.of(null, "中山厂房网：中山厂房、仓库、工业用地出租出售与产业招商信息，免费匹配镇街园区资源。", properties.publicUrl("/")));
        model.addAttribute("nav", "home");
        model.addAttribute("latest", content.articles(ArticleQuery.latest(10)).items());
        model.addAttribute("popular", content.articles(ArticleQuery.popular(8)).items());
        model.addAttribute("listings", listings.latest(6));
        model.addAttribute("categories", content.categories());
        model.addAttribute("tags", content.tags());
        model.addAttribute("hasInquiryForm", true);
        response.setHeader("Cache-Control", CachePolicy.PUBLIC_PAGE.getHeaderValue());
        return "home";
    }
}
