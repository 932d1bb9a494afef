package cn.zschangfang.site.listing;

import cn.zschangfang.site.config.SiteProperties;
import cn.zschangfang.site.inquiry.InquiryPreset;
import cn.zschangfang.site.web.CachePolicy;
import cn.zschangfang.site.web.DefaultImage;
import cn.zschangfang.site.web.PageMeta;
import cn.zschangfang.site.web.PageNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /listings/{slug}}: one published listing — photos, the spec table with units, where it is, the inquiry form
 * preset to it (so the lead carries {@code sourceListing}) and JSON-LD. Not published (or unknown): the HTML 404.
 * A listing reached by its id is canonical at its slug.
 */
@Controller
class ListingPageController {

    private static final Pattern ID_OR_SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,119}");

    private final ListingClient listings;
    private final ListingText text;
    private final ListingTeasers teasers;
    private final ListingStructuredData structuredData;
    private final SiteProperties properties;
    private final DefaultImage defaultImage;

    ListingPageController(
            ListingClient listings,
            ListingText text,
            ListingTeasers teasers,
            ListingStructuredData structuredData,
            SiteProperties properties,
            DefaultImage defaultImage) {
        this.listings = listings;
        this.text = text;
        this.teasers = teasers;
        this.structuredData = structuredData;
        this.properties = properties;
        this.defaultImage = defaultImage;
    }

    @GetMapping("/listings/{slug}")
    String listing(@PathVariable String slug, Model model, HttpServletResponse response) {
        if (!ID_OR_SLUG.matcher(slug).matches()) {
            throw new PageNotFoundException("listing");
        }
        Map<String, Object> l = listings.listing(slug).orElseThrow(() -> new PageNotFoundException("listing"));
        ListingView view = ListingView.of(l, text);
        String canonical = properties.publicUrl(view.path());
        List<ListingSpecs.Section> specs = new ListingSpecs(l, text).sections();
        model.addAttribute("meta", PageMeta.of(view.title(), view.description(), canonical));
        model.addAttribute("nav", "listings");
        model.addAttribute("l", view);
        model.addAttribute("specs", specs);
        model.addAttribute("canonical", canonical);
        model.addAttribute(
                "ogImage",
                view.photos().isEmpty()
                        ? defaultImage.url()
                        : absolute(view.photos().get(0).detailUrl()));
        model.addAttribute("jsonLd", structuredData.listing(view, canonical, this::absolute));
        model.addAttribute("nearby", teasers.nearby(view.town(), view.id(), 4));
        model.addAttribute("descriptionText", plainText(ListingView.body(l)));
        model.addAttribute("inquiryPreset", preset(view, l));
        model.addAttribute("hasInquiryForm", true);
        response.setHeader("Cache-Control", CachePolicy.PUBLIC_PAGE.getHeaderValue());
        return "listing/detail";
    }

    private InquiryPreset preset(ListingView view, Map<String, Object> l) {
        Double max = view.areaSqm();
        Double min = l.get("minDivisibleSqm") instanceof Number n ? n.doubleValue() : max;
        return new InquiryPreset(
                view.id(),
                view.title(),
                view.town(),
                text.leadType(view.propertyType()),
                text.leadIntent(view.deal()),
                min == null ? null : ListingText.decimal(min, 0),
                max == null ? null : ListingText.decimal(max, 0));
    }

    /** The description as text: tags dropped (the page prints it escaped, line breaks kept by CSS). */
    static String plainText(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        return org.springframework.web.util.HtmlUtils.htmlUnescape(
                        description.replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]*>", ""))
                .strip();
    }

    /** Photo URLs are gateway paths; Open Graph and JSON-LD need them absolute. */
    String absolute(String url) {
        if (url == null || url.startsWith("http://") || url.startsWith("https://")) {
            return url;
        }
        return properties.publicUrl(url.startsWith("/") ? url : "/" + url);
    }
}
