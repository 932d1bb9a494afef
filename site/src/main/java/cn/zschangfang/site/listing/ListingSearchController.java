package cn.zschangfang.site.listing;

import cn.zschangfang.site.config.SiteProperties;
import cn.zschangfang.site.web.CachePolicy;
import cn.zschangfang.site.web.DefaultImage;
import cn.zschangfang.site.web.PageMeta;
import cn.zschangfang.site.web.Pagination;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /listings}: published listings with the filters buyers use (a plain GET form, so it works without
 * JavaScript; on a phone the filters are a sheet), sort and pages. The unfiltered list is the canonical page; a
 * filtered one is canonical to its own normalized URL and only the plain town / type lists are indexed.
 */
@Controller
class ListingSearchController {

    static final int PAGE_SIZE = 12;

    private final ListingClient listings;
    private final SiteProperties properties;
    private final DefaultImage defaultImage;

    ListingSearchController(ListingClient listings, SiteProperties properties, DefaultImage defaultImage) {
        this.listings = listings;
        this.properties = properties;
        this.defaultImage = defaultImage;
    }

    @GetMapping("/listings")
    String search(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
        ListingSearch search = ListingSearch.from(parameters);
        ListingRecords.Page result;
        List<String> refused = List.of();
        try {
            result = listings.search(search, PAGE_SIZE);
        } catch (SearchRefused e) {
            // The page with its filters and what is wrong with them, as a 400: a visitor can fix the search, and a
            // crawler following an outdated link does not index an empty list.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            refused = e.messages();
            result = ListingRecords.Page.empty(PAGE_SIZE);
        }
        String base = search.path();
        String canonical = properties.publicUrl(Pagination.href(base, search.page()));
        // A refused town is not a place to name in the heading: the page says it is unknown.
        String subject = (search.town() == null || !refused.isEmpty() ? "中山" : search.town())
                + (search.type() == null ? "厂房仓库土地" : ListingText.TYPE.get(search.type()))
                + (search.deal() == null ? "租售" : ListingText.DEAL.get(search.deal()));
        String title = subject + (search.page() > 1 ? "（第" + search.page() + "页）" : "");
        String description =
                subject + "房源：按面积（㎡/亩）、租金、层高、配电、消防等级、一楼、独门独院、行车筛选，" + "共 " + result.total() + " 套在架房源，招商顾问免费带看。";
        model.addAttribute("meta", new PageMeta(title, description, canonical, refused.isEmpty() && indexable(search)));
        model.addAttribute("refused", refused);
        model.addAttribute("nav", "listings");
        model.addAttribute("search", search);
        model.addAttribute("listings", result.items());
        model.addAttribute("total", result.total());
        model.addAttribute("subject", subject);
        model.addAttribute("pagination", Pagination.forTotal(search.page(), result.total(), PAGE_SIZE, base));
        model.addAttribute("canonical", canonical);
        model.addAttribute("ogDefaultImage", defaultImage.url());
        model.addAttribute("hasInquiryForm", true);
        response.setHeader("Cache-Control", CachePolicy.PUBLIC_PAGE.getHeaderValue());
        return "listing/search";
    }

    /** The list of everything and the lists of one town or type are pages worth finding; other filters are not. */
    private static boolean indexable(ListingSearch s) {
        return s.minArea() == null
                && s.maxArea() == null
                && s.minRent() == null
                && s.maxRent() == null
                && s.minClearHeight() == null
                && s.minPower() == null
                && s.fireClass() == null
                && !s.groundFloor()
                && !s.standalone()
                && !s.crane()
                && s.sort() == null
                && s.deal() == null;
    }
}
