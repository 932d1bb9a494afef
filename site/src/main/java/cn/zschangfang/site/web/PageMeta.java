package cn.zschangfang.site.web;

/**
 * What the layout puts into {@code <head>}: add one as model attribute {@code meta} on every page.
 *
 * @param title the page's own title; the layout appends " - 中山厂房网"
 * @param description meta description (and Open Graph description); null leaves it out
 * @param canonical absolute canonical URL; null leaves it out
 * @param indexable false sends {@code noindex} (error pages, search results, signed-in pages)
 */
public record PageMeta(String title, String description, String canonical, boolean indexable) {

    public static PageMeta of(String title, String description, String canonical) {
        return new PageMeta(title, description, canonical, true);
    }

    /** For pages that search engines must not list: the agent inbox, the dashboard, errors. */
    public static PageMeta privatePage(String title) {
        return new PageMeta(title, null, null, false);
    }
}
