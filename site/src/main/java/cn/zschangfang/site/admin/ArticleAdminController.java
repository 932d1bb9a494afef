package cn.zschangfang.site.admin;

import cn.zschangfang.site.admin.Field.Group;
import cn.zschangfang.site.agent.SiteSession;
import cn.zschangfang.site.web.CachePolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /admin/articles} (ADMIN): list, editor with the sanitizer's preview, publish and unpublish, through
 * content-service's existing admin API.
 */
@Controller
class ArticleAdminController {

    private static final String SLUG = "{slug:[a-z0-9]+(?:-[a-z0-9]+)*}";
    private static final int MAX_PREVIEW_CHARS = 1_000_000;

    static final List<Group> GROUPS = List.of(new Group(
            "article",
            "文章",
            List.of(
                    Field.text("title", "标题", 200).asRequired().asWide(),
                    Field.text("category", "分类", 60).asRequired().withHint("如：中山产业信息"),
                    Field.list("tags", "标签", "用逗号或顿号分隔，最多 20 个"),
                    Field.textarea("summary", "摘要", 500).withHint("留空则取正文开头"),
                    Field.text("author", "作者", 100),
                    Field.text("source", "来源", 200),
                    Field.text("coverImage", "封面图地址", 1000).asWide().withHint("http(s) 地址或站内路径"),
                    Field.textarea("copyright", "版权声明", 2000))));

    private final ContentAdmin content;

    ArticleAdminController(ContentAdmin content) {
        this.content = content;
    }

    @GetMapping("/admin/articles")
    String list(
            @RequestAttribute(AdminAccess.SESSION) SiteSession me,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Map<String, Object> result;
        try {
            result = content.articles(me.apiToken(), Math.max(0, page));
        } catch (ServiceProblem problem) {
            if (problem.status() != 404 && problem.status() != 405) {
                throw problem;
            }
            // content-service without an admin list: the published ones; a draft opens by its slug
            result = content.publishedArticles(Math.max(0, page));
            model.addAttribute("publishedOnly", true);
        }
        AdminPages.list(model, "articles", result, Math.max(0, page));
        return page(model, "文章管理", "admin/articles/list");
    }

    @GetMapping("/admin/articles/open")
    String open(@RequestParam(required = false) String slug) {
        String s = slug == null ? "" : slug.strip();
        return s.matches("[a-z0-9]+(?:-[a-z0-9]+)*") && s.length() <= 120
                ? "redirect:/admin/articles/" + s
                : "redirect:/admin/articles";
    }

    @GetMapping("/admin/articles/new")
    String newForm(Model model) {
        Map<String, Object> values = FormValues.of(GROUPS, Map.of());
        values.put("slug", "");
        values.put("body", "");
        return form(model, null, values, Map.of());
    }

    @PostMapping("/admin/articles")
    String create(
            @RequestAttribute(AdminAccess.SESSION) SiteSession me,
            @RequestParam MultiValueMap<String, String> params,
            Model model) {
        FormValues form = read(params, null);
        return AdminPages.submit(
                model,
                form,
                () -> "redirect:/admin/articles/"
                        + content.createArticle(me.apiToken(), form.json()).get("slug") + "?done=article-created",
                problem -> refused(model, null, form, problem));
    }

    @GetMapping("/admin/articles/" + SLUG)
    String edit(@RequestAttribute(AdminAccess.SESSION) SiteSession me, @PathVariable String slug, Model model) {
        Map<String, Object> article = content.article(me.apiToken(), slug);
        Map<String, Object> values = FormValues.of(GROUPS, article);
        values.put("slug", slug);
        values.put("body", article.getOrDefault("body", ""));
        return form(model, article, values, Map.of());
    }

    @PostMapping("/admin/articles/" + SLUG)
    String update(
            @RequestAttribute(AdminAccess.SESSION) SiteSession me,
            @PathVariable String slug,
            @RequestParam MultiValueMap<String, String> params,
            Model model) {
        Map<String, Object> article = content.article(me.apiToken(), slug);
        FormValues form = read(params, slug);
        return AdminPages.submit(
                model,
                form,
                () -> {
                    content.updateArticle(me.apiToken(), slug, form.json());
                    return "redirect:/admin/articles/" + slug + "?done=saved";
                },
                problem -> refused(model, article, form, problem));
    }

    @PostMapping("/admin/articles/" + SLUG + "/{action:publish|unpublish}")
    String publish(
            @RequestAttribute(AdminAccess.SESSION) SiteSession me,
            @PathVariable String slug,
            @PathVariable String action) {
        content.setArticlePublished(me.apiToken(), slug, "publish".equals(action));
        return "redirect:/admin/articles/" + slug + "?done=" + action + "ed";
    }

    /** The editor's preview (XHR with {@code X-CSRF-Token}): content-service's sanitizer output, never the raw body. */
    @PostMapping(path = "/admin/articles/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> preview(
            @RequestAttribute(AdminAccess.SESSION) SiteSession me, @RequestParam(required = false) String body) {
        String text = body == null ? "" : body;
        if (text.length() > MAX_PREVIEW_CHARS) {
            return ResponseEntity.badRequest().body(Map.of("error", "正文过长"));
        }
        try {
            return ResponseEntity.ok()
                    .cacheControl(CachePolicy.PERSONAL)
                    .body(Map.of("html", text.isBlank() ? "" : content.preview(me.apiToken(), text)));
        } catch (ServiceProblem problem) {
            return ResponseEntity.status(problem.status() >= 500 ? 502 : problem.status())
                    .body(Map.of("error", problem.getMessage()));
        }
    }

    private static FormValues read(MultiValueMap<String, String> params, String slug) {
        FormValues form = FormValues.read(GROUPS, params);
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>(form.values());
        Map<String, String> errors = new LinkedHashMap<>(form.errors());
        String s = slug != null
                ? slug
                : String.valueOf(params.getFirst("slug") == null ? "" : params.getFirst("slug"))
                        .strip();
        values.put("slug", s);
        if (s.isEmpty()) {
            errors.put("slug", "必填");
        } else if (!s.matches("[a-z0-9]+(?:-[a-z0-9]+)*") || s.length() > 120) {
            errors.put("slug", "只能用小写字母、数字和连字符，如 zhongshan-factory-guide");
        }
        json.put("slug", s);
        json.putAll(form.json());
        String body = params.getFirst("body");
        values.put("body", body == null ? "" : body);
        if (body == null || body.isBlank()) {
            errors.put("body", "必填");
        } else {
            json.put("body", body);
        }
        return new FormValues(json, values, errors);
    }

    private String refused(Model model, Map<String, Object> article, FormValues form, ServiceProblem problem) {
        FormValues shown = form.withServiceErrors(problem.fieldErrors(), Map.of());
        return form(model, article, shown.values(), shown.errors());
    }

    private String form(
            Model model, Map<String, Object> article, Map<String, Object> values, Map<String, String> errors) {
        model.addAttribute("article", article);
        model.addAttribute("groups", GROUPS);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return page(model, article == null ? "新建文章" : "编辑文章", "admin/articles/form");
    }

    private static String page(Model model, String title, String view) {
        return AdminPages.page(model, "articles", title, view);
    }
}
