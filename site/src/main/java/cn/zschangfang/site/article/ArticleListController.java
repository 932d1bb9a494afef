package cn.zschangfang.site.article;

import cn.zschangfang.site.api.ContentClient;
import cn.zschangfang.site.api.ContentClient.ArticleQuery;
import cn.zschangfang.site.config.SiteProperties;
import cn.zschangfang.site.web.CachePolicy;
import cn.zschangfang.site.web.PageMeta;
import cn.zschangfang.site.web.Pagination;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * Article lists with pagination. A tag or category has one canonical URL, {@code /tags/{tag}} and
 * {@code /categories/{category}}; {@code /articles?tag=…} shows the same list and points its canonical link there.
 * Keyword results are not for search engines ({@code noindex}).
 */
@Controller
class ArticleListController {

    static final int PAGE_SIZE = 10;
    private static final int MAX_PAGE = 1000;

    private final ContentClient content;
    private final SiteProperties properties;

    ArticleListController(ContentClient content, SiteProperties properties) {
        this.content = content;
        this.properties = properties;
    }

    @GetMapping("/articles")
    String articles(
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") String page,
            Model model,
            HttpServletResponse response) {
        return list(blankToNull(category), blankToNull(tag), blankToNull(q), page, model, response);
    }

    @GetMapping("/tags/{tag}")
    String tag(
            @PathVariable String tag,
            @RequestParam(defaultValue = "1") String page,
            Model model,
            HttpServletResponse response) {
        return list(null, tag, null, page, model, response);
    }

    @GetMapping("/categories/{category}")
    String category(
            @PathVariable String category,
            @RequestParam(defaultValue = "1") String page,
            Model model,
            HttpServletResponse response) {
        return list(category, null, null, page, model, response);
    }

    private String list(
            String category, String tag, String q, String pageParam, Model model, HttpServletResponse response) {
        int page = parsePage(pageParam);
        ContentClient.Page result = content.articles(
                new ArticleQuery(clip(category, 60), clip(tag, 40), clip(q, 100), false, page - 1, PAGE_SIZE));
        String base = basePath(category, tag, q);
        String title = q != null ? "“" + q + "”的搜索结果" : tag != null ? tag : category != null ? category : "产业资讯";
        String heading = q != null ? title : tag != null ? "标签：" + tag : category != null ? category : "全部产业资讯";
        String canonical = properties.publicUrl(Pagination.href(base, page));
        String description = (tag != null || category != null ? title + "相关" : "") + "中山产业资讯：园区改造、产业政策、厂房土地租售与招商动态。";
        model.addAttribute(
                "meta",
                q != null
                        ? new PageMeta(title + (page > 1 ? "（第" + page + "页）" : ""), description, null, false)
                        : PageMeta.of(title + (page > 1 ? "（第" + page + "页）" : ""), description, canonical));
        model.addAttribute(
                "nav",
                tag != null && tag.equals("中山工业园")
                        ? "tag"
                        : category != null && category.equals("中山产业信息") ? "category" : "articles");
        model.addAttribute("heading", heading);
        model.addAttribute("query", new Query(category, tag, q));
        model.addAttribute("articles", result.items());
        model.addAttribute("total", result.total());
        model.addAttribute("pagination", Pagination.forTotal(page, result.total(), PAGE_SIZE, base));
        model.addAttribute("categories", content.categories());
        model.addAttribute("tags", content.tags());
        model.addAttribute("popular", content.articles(ArticleQuery.popular(8)).items());
        response.setHeader("Cache-Control", CachePolicy.PUBLIC_PAGE.getHeaderValue());
        return "article/list";
    }

    /** What the search box and the filters show. */
    public record Query(String category, String tag, String q) {}

    private static String basePath(String category, String tag, String q) {
        if (q != null) {
            StringBuilder path = new StringBuilder("/articles?q=" + encode(q));
            if (tag != null) {
                path.append("&tag=").append(encode(tag));
            }
            if (category != null) {
                path.append("&category=").append(encode(category));
            }
            return path.toString();
        }
        if (tag != null && category == null) {
            return "/tags/" + UriUtils.encodePathSegment(tag, StandardCharsets.UTF_8);
        }
        if (category != null && tag == null) {
            return "/categories/" + UriUtils.encodePathSegment(category, StandardCharsets.UTF_8);
        }
        if (tag != null) {
            return "/articles?category=" + encode(category) + "&tag=" + encode(tag);
        }
        return "/articles";
    }

    private static String encode(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
    }

    private static int parsePage(String page) {
        try {
            return Math.min(MAX_PAGE, Math.max(1, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
