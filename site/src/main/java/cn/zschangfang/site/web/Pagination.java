package cn.zschangfang.site.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Page links: first, last, and two either side of the current page, with gaps. Page 1 has no {@code page}
 * parameter, so it is one URL, the canonical one.
 */
public record Pagination(int current, int pages, String previous, String next, List<Link> links) {

    public record Link(Integer number, String href, boolean current) {
        public boolean gap() {
            return number == null;
        }
    }

    /** The links of a list of {@code total} items, {@code pageSize} a page (one page when it is empty). */
    public static Pagination forTotal(int current, long total, int pageSize, String base) {
        return of(current, (int) Math.max(1, (total + pageSize - 1) / pageSize), base);
    }

    public static Pagination of(int current, int pages, String base) {
        List<Link> links = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - current) <= 2) {
                if (last != 0 && n - last > 1) {
                    links.add(new Link(null, null, false));
                }
                links.add(new Link(n, href(base, n), n == current));
                last = n;
            }
        }
        return new Pagination(
                current,
                pages,
                current > 1 ? href(base, current - 1) : null,
                current < pages ? href(base, current + 1) : null,
                links);
    }

    public static String href(String base, int page) {
        if (page == 1) {
            return base;
        }
        return base + (base.contains("?") ? "&" : "?") + "page=" + page;
    }
}
