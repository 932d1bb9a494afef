package cn.zschangfang.faults;

import static cn.zschangfang.faults.PublicEndpointsFuzzIT.assertClean;
import static cn.zschangfang.faults.PublicEndpointsFuzzIT.queries;

import cn.zschangfang.localstack.DemoData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Hostile links to the site's public pages, straight to its port: the site passes what a visitor typed to
 * content-service, which refuses some of it (an unknown town), and a page must turn that refusal into a 4xx, never a
 * 5xx. Fewer inputs per page than the APIs get ({@code faults.fuzz.pages}, 500): each one renders a whole page.
 */
@Order(7)
class SitePagesFuzzIT extends FuzzSuite {

    static final int COUNT = Integer.getInteger("faults.fuzz.pages", 500);

    @Test
    void listingSearchSurvivesHostileFilters() throws Exception {
        assertClean(fuzzer.run(
                "GET site /listings?…",
                COUNT,
                queries(List.of(
                        "town",
                        "type",
                        "deal",
                        "minArea",
                        "maxArea",
                        "areaUnit",
                        "minRent",
                        "maxRent",
                        "minClearHeight",
                        "minPower",
                        "fireClass",
                        "groundFloor",
                        "standalone",
                        "crane",
                        "sort",
                        "page")),
                q -> get(stack.siteUrl() + "/listings?" + q)));
    }

    @Test
    void listingPageSurvivesHostileSlugs() throws Exception {
        assertClean(fuzzer.run(
                "GET site /listings/{slug}",
                COUNT,
                Hostile.urlPart(),
                slug -> get(stack.siteUrl() + "/listings/" + slug)));
    }

    @Test
    void articleListsSurviveHostileQueriesTagsAndCategories() throws Exception {
        assertClean(fuzzer.run(
                "GET site /articles?…",
                COUNT,
                queries(List.of("category", "tag", "q", "page")),
                q -> get(stack.siteUrl() + "/articles?" + q)));
        assertClean(fuzzer.run(
                "GET site /tags/{tag}", COUNT, Hostile.urlPart(), tag -> get(stack.siteUrl() + "/tags/" + tag)));
    }

    @Test
    void articlePageSurvivesHostileSlugsAndQueries() throws Exception {
        assertClean(fuzzer.run(
                "GET site /articles/{slug}",
                COUNT,
                Hostile.urlPart(),
                slug -> get(stack.siteUrl() + "/articles/" + slug)));
        assertClean(fuzzer.run(
                "GET site /articles/" + DemoData.SEED_ARTICLE + "?…",
                COUNT,
                queries(List.of("from", "utm_source", "page")),
                q -> get(stack.siteUrl() + "/articles/" + DemoData.SEED_ARTICLE + "?" + q)));
    }

    private Fuzzer.Call get(String url) {
        return new Fuzzer.Call("GET " + url, () -> http.get(url, Map.of()));
    }
}
