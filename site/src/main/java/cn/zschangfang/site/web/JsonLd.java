package cn.zschangfang.site.web;

import cn.zschangfang.site.config.Brand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every page's JSON-LD shares: the breadcrumb 首页 › section › page, and the script text, written with Jackson
 * and then {@code <}, {@code >} and {@code &} escaped, so no text of a page can close the {@code <script>} element.
 */
public final class JsonLd {

    private JsonLd() {}

    /** A schema.org {@code BreadcrumbList} of the home page, the page's section and the page itself. */
    public static Map<String, Object> breadcrumb(
            Brand brand, String section, String sectionUrl, String title, String canonical) {
        Map<String, Object> crumbs = new LinkedHashMap<>();
        crumbs.put("@context", "https://schema.org");
        crumbs.put("@type", "BreadcrumbList");
        crumbs.put(
                "itemListElement",
                List.of(crumb(1, "首页", brand.url("/")), crumb(2, section, sectionUrl), crumb(3, title, canonical)));
        return crumbs;
    }

    /**
     * A schema.org node of {@code type} with the given name/value pairs, in that order. Never {@code Map.of}: its
     * iteration order changes from one JVM to the next, and so would the page's bytes and its ETag between two site
     * instances, so a reader moving between them would miss the 304.
     */
    public static Map<String, Object> node(String type, Object... namesAndValues) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@type", type);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return node;
    }

    /** The text of the page's {@code <script type="application/ld+json">}. */
    public static String script(JsonMapper json, List<Map<String, Object>> nodes) {
        return json.writeValueAsString(nodes)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }

    private static Map<String, Object> crumb(int position, String name, String url) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("@type", "ListItem");
        item.put("position", position);
        item.put("name", name);
        item.put("item", url);
        return item;
    }
}
