package cn.zschangfang.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.localstack.DemoData;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Hostile input at every public endpoint, straight to each service's port (the gateway's per-client limits would
 * turn most of it into 429s; {@link GatewayFuzzIT} sends a smaller share through the front door). Per endpoint at
 * least {@code faults.fuzz.public} (10,000) generated inputs: no 5xx, no answer that leaks internals.
 */
@Order(3)
class PublicEndpointsFuzzIT extends FuzzSuite {

    static final int COUNT = Integer.getInteger("faults.fuzz.public", 10_000);

    /** A valid inquiry; phones from a small pool, so that most accepted ones merge instead of notifying agents. */
    static Map<String, Object> validLead(int phone) {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("intent", "LEASE");
        lead.put("propertyType", "WAREHOUSE");
        lead.put("town", "沙溪");
        lead.put("areaSqm", Map.of("min", 100, "max", 200));
        lead.put("use", "仓储");
        lead.put("expectedAnnualTaxWan", 10);
        lead.put("company", "中山市模糊测试有限公司");
        lead.put("contactName", Personal.FUZZ_NAME);
        lead.put("phone", Personal.fuzzPhone(phone));
        lead.put("message", "留言");
        lead.put("sourceArticle", DemoData.SEED_ARTICLE);
        lead.put("visitorId", "fz-visitor");
        lead.put("consent", true);
        return lead;
    }

    @Test
    void leadSubmissionSurvivesHostileBodies() throws Exception {
        Arbitrary<byte[]> bodies = Arbitraries.integers()
                .between(0, Personal.FUZZ_PHONES - 1)
                .flatMap(phone -> Hostile.bodiesLike(validLead(phone)));
        assertClean(fuzzer.run(
                "POST lead /api/leads",
                COUNT,
                Combinators.combine(bodies, Arbitraries.of(true, false))
                        .as((body, withKey) -> new Object[] {body, withKey}),
                input -> {
                    byte[] body = (byte[]) input[0];
                    boolean withKey = (Boolean) input[1];
                    Map<String, String> headers = withKey ? Map.of("X-Api-Key", SharedStack.API_KEY) : Map.of();
                    return new Fuzzer.Call(
                            (withKey ? "[api key] " : "") + new String(body, StandardCharsets.UTF_8),
                            () -> http.send("POST", stack.leadUrl() + "/api/leads", "application/json", body, headers),
                            body.length);
                }));
    }

    @Test
    void challengeSurvivesHostileQueries() throws Exception {
        assertClean(fuzzer.run(
                "GET lead /api/leads/challenge?…",
                COUNT,
                queries(List.of("x", "size", "$where")),
                q -> get(stack.leadUrl() + "/api/leads/challenge?" + q)));
    }

    @Test
    void articleListSurvivesHostileQueries() throws Exception {
        assertClean(fuzzer.run(
                "GET content /api/content/articles?…",
                COUNT,
                queries(List.of("category", "tag", "q", "sort", "page", "size", "q[$ne]", "$where")),
                q -> get(stack.contentUrl() + "/api/content/articles?" + q)));
    }

    @Test
    void keywordSearchWithANulCharacterIsNotA500() {
        Http.Reply reply = http.get(stack.contentUrl() + "/api/content/articles?q=%00", Map.of());
        assertThat(reply.status()).as(reply.body()).isLessThan(500);
    }

    @Test
    void articleBySlugSurvivesHostileSlugs() throws Exception {
        assertClean(fuzzer.run(
                "GET content /api/content/articles/{slug}",
                COUNT,
                Hostile.urlPart(),
                slug -> get(stack.contentUrl() + "/api/content/articles/" + slug)));
    }

    @Test
    void tagsAndCategoriesSurviveHostileQueries() throws Exception {
        assertClean(fuzzer.run(
                "GET content /api/content/tags?…",
                COUNT,
                queries(List.of("q", "size")),
                q -> get(stack.contentUrl() + "/api/content/tags?" + q)));
        assertClean(fuzzer.run(
                "GET content /api/content/categories?…",
                COUNT,
                queries(List.of("q", "size")),
                q -> get(stack.contentUrl() + "/api/content/categories?" + q)));
    }

    @Test
    void viewBeaconSurvivesHostileSlugsAndBodies() throws Exception {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("visitorId", "fz-view");
        valid.put("referrer", "https://www.zschangfang.cn/");
        Arbitrary<String> slugs = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(DemoData.SEED_ARTICLE)),
                net.jqwik.api.Tuple.of(1, Hostile.urlPart()));
        assertClean(fuzzer.run(
                "POST content /api/content/articles/{slug}/views",
                COUNT,
                Combinators.combine(slugs, Hostile.bodiesLike(valid)).as((slug, body) -> new Object[] {slug, body}),
                input -> {
                    byte[] body = (byte[]) input[1];
                    String url = stack.contentUrl() + "/api/content/articles/" + input[0] + "/views";
                    return new Fuzzer.Call(
                            url + " " + new String(body, StandardCharsets.UTF_8),
                            () -> http.send("POST", url, "application/json", body, Map.of()),
                            body.length);
                }));
    }

    @Test
    void acknowledgementLinkSurvivesHostileTokens() throws Exception {
        assertClean(fuzzer.run(
                "GET notify /ack/{token}",
                COUNT,
                Hostile.urlPart(),
                token -> get(stack.notifyUrl() + "/ack/" + token)));
    }

    @Test
    void sandboxRobotSurvivesHostileKeysAndBodies() throws Exception {
        Map<String, Object> valid = Map.of("msgtype", "text", "text", Map.of("content", "hi"));
        assertClean(fuzzer.run(
                "POST notify /api/notify/sandbox/robot/{key}",
                COUNT,
                Combinators.combine(Hostile.urlPart(), Hostile.bodiesLike(valid))
                        .as((key, body) -> new Object[] {key, body}),
                input -> {
                    byte[] body = (byte[]) input[1];
                    String url = stack.notifyUrl() + "/api/notify/sandbox/robot/" + input[0];
                    return new Fuzzer.Call(
                            url + " " + new String(body, StandardCharsets.UTF_8),
                            () -> http.send("POST", url, "application/json", body, Map.of()),
                            body.length);
                }));
        assertClean(fuzzer.run(
                "GET notify /api/notify/sandbox/messages?…",
                COUNT,
                queries(List.of("key", "limit")),
                q -> get(stack.notifyUrl() + "/api/notify/sandbox/messages?" + q)));
    }

    /** Query strings: known parameters and operator-looking ones, each with a hostile value. */
    static Arbitrary<String> queries(List<String> names) {
        return Arbitraries.maps(Arbitraries.of(names), Hostile.urlPart())
                .ofMinSize(1)
                .ofMaxSize(names.size())
                .map(params -> params.entrySet().stream()
                        .map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + e.getValue())
                        .collect(Collectors.joining("&")));
    }

    private Fuzzer.Call get(String url) {
        return new Fuzzer.Call("GET " + url, () -> http.get(url, Map.of()));
    }

    static void assertClean(Fuzzer.Result result) {
        assertThat(result.failures())
                .as(result.endpoint() + ": 5xx, no answer, or internals in the body")
                .isEmpty();
    }
}
