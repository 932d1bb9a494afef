package cn.zschangfang.faults;

import static cn.zschangfang.faults.PublicEndpointsFuzzIT.assertClean;
import static cn.zschangfang.faults.PublicEndpointsFuzzIT.queries;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.localstack.DemoData;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Hostile input at every admin, manager and agent endpoint with a valid token (a wrong token stops at the door, which
 * {@link GatewaySecurityIT} checks): {@code faults.fuzz.admin} (1,000) inputs each, straight to the services. Then
 * everything stored must still read back: article lists, agent lists, lead lists and the CSV export.
 */
@Order(4)
class AdminEndpointsFuzzIT extends FuzzSuite {

    static final int COUNT = Integer.getInteger("faults.fuzz.admin", 1_000);
    private static final Map<String, String> ADMIN = Http.bearer(SharedStack.ADMIN);

    private String agentToken;

    @BeforeAll
    void agents() throws Exception {
        agentToken = Agents.create(stack, "fz-agent-" + System.nanoTime() % 100_000, "神湾镇");
        Agents.create(stack, "fz-target", null);
    }

    static Map<String, Object> validArticle() {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("slug", "fuzz-article");
        article.put("title", "标题");
        article.put("body", "<p>正文</p>");
        article.put("summary", "摘要");
        article.put("category", "产业资讯");
        article.put("tags", List.of("厂房"));
        article.put("author", "编辑");
        article.put("coverImage", "/img/a.jpg");
        article.put("status", "PUBLISHED");
        return article;
    }

    static Map<String, Object> validAgent() {
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("name", "模糊");
        agent.put("role", "AGENT");
        agent.put("towns", List.of("神湾镇"));
        agent.put("propertyTypes", List.of("LAND"));
        agent.put("intents", List.of("BUY"));
        agent.put("weight", 1);
        agent.put("wecomWebhook", "http://127.0.0.1:1/robot/none");
        agent.put("active", true);
        agent.put("workingHours", List.of(Map.of("days", List.of("MON"), "from", "09:00", "to", "18:00")));
        return agent;
    }

    @Test
    void contentAdminSurvivesHostileInput() throws Exception {
        String base = stack.contentUrl() + "/api/content/admin";
        body("POST content /admin/articles", "POST", base + "/articles", Hostile.bodiesLike(validArticle()));
        body(
                "POST content /admin/import",
                "POST",
                base + "/import",
                Hostile.bodiesLike(validArticle())
                        .map(b ->
                                ("[" + new String(b, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8)));
        path("GET content /admin/articles/{slug}", "GET", base + "/articles/", "");
        pathAndBody(
                "PUT content /admin/articles/{slug}", "PUT", base + "/articles/", Hostile.bodiesLike(validArticle()));
        path("POST content /admin/articles/{slug}/publish", "POST", base + "/articles/", "/publish");
        path("POST content /admin/articles/{slug}/unpublish", "POST", base + "/articles/", "/unpublish");
        path("DELETE content /admin/articles/{slug}", "DELETE", base + "/articles/", "");
        String stats = stack.contentUrl() + "/api/content/stats";
        query("GET content /stats/top", stats + "/top", List.of("window", "limit"));
        query("GET content /stats/traffic", stats + "/traffic", List.of("minutes"));
        query("GET content /stats/visitors", stats + "/visitors", List.of("days"));

        assertThat(http.get(stack.contentUrl() + "/api/content/articles?size=100", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(http.get(stack.contentUrl() + "/api/content/articles/" + DemoData.SEED_ARTICLE, Map.of())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void notifyAdminSurvivesHostileInput() throws Exception {
        String base = stack.notifyUrl() + "/api/notify";
        body("POST notify /agents", "POST", base + "/agents", Hostile.bodiesLike(validAgent()));
        query("GET notify /agents", base + "/agents", List.of("q", "page"));
        path("GET notify /agents/{id}", "GET", base + "/agents/", "");
        // Against an existing agent, so that validation of a replacement is reached, not only "not found".
        body("PUT notify /agents/fz-target", "PUT", base + "/agents/fz-target", Hostile.bodiesLike(validAgent()));
        path("DELETE notify /agents/{id}", "DELETE", base + "/agents/", "");
        path("POST notify /agents/{id}/token", "POST", base + "/agents/", "/token");
        // Only hostile values: a valid max would replay dead letters again and again. A fifth of the count: the ~4 %
        // of them that parse as a valid max each wait out the replay's three empty 1-s polls (117 s of a 30-min CI
        // for 1,000), and one integer parameter needs fewer samples than a body.
        assertClean(fuzzer.run(
                "POST notify /admin/dlq/replay?max=",
                Math.max(1, COUNT / 5),
                Hostile.urlPart(),
                max -> call("POST", base + "/admin/dlq/replay?max=" + max, null, ADMIN)));

        assertThat(http.get(base + "/agents", ADMIN).status()).isEqualTo(200);
    }

    @Test
    void leadDeskSurvivesHostileInputAndStillExports() throws Exception {
        String base = stack.leadUrl() + "/api/leads";
        List<String> filters = List.of("status", "town", "assignee", "from", "to", "page", "size", "$where");
        query("GET lead /api/leads", base, filters);
        query("GET lead /api/leads/export", base + "/export", filters);
        query("GET lead /api/leads/stats", base + "/stats", List.of("from", "to"));
        path("GET lead /api/leads/{id}", "GET", base + "/", "");
        path("DELETE lead /api/leads/{id}/personal-data", "DELETE", base + "/", "/personal-data");

        String agentBase = stack.leadUrl() + "/api/agent/leads";
        Map<String, String> agent = Http.bearer(agentToken);
        assertClean(fuzzer.run(
                "GET lead /api/agent/leads",
                COUNT,
                queries(List.of("status", "page")),
                q -> call("GET", agentBase + "?" + q, null, agent)));
        assertClean(fuzzer.run(
                "POST lead /api/agent/leads/{id}/ack",
                COUNT,
                Hostile.urlPart(),
                id -> call("POST", agentBase + "/" + id + "/ack", null, agent)));
        Map<String, Object> status = new LinkedHashMap<>(Map.of("status", "CONTACTED", "note", "已联系"));
        assertClean(fuzzer.run(
                "POST lead /api/agent/leads/{id}/status",
                COUNT,
                Combinators.combine(Hostile.urlPart(), Hostile.bodiesLike(status))
                        .as(List::of),
                in -> call("POST", agentBase + "/" + in.get(0) + "/status", (byte[]) in.get(1), agent)));
        assertClean(fuzzer.run(
                "POST lead /api/agent/leads/{id}/notes",
                COUNT,
                Combinators.combine(Hostile.urlPart(), Hostile.bodiesLike(Map.of("note", "备注")))
                        .as(List::of),
                in -> call("POST", agentBase + "/" + in.get(0) + "/notes", (byte[]) in.get(1), agent)));

        Http.Reply list = http.get(base + "?size=100", ADMIN);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        Http.Reply export = http.get(base + "/export", ADMIN);
        assertThat(export.status()).as(Hostile.truncate(export.body(), 500)).isEqualTo(200);
        assertThat(export.body()).startsWith("\uFEFF");
    }

    @Test
    void dlqReplayWithAnOutOfRangeMaxIsA400() {
        Http.Reply reply =
                http.send("POST", stack.notifyUrl() + "/api/notify/admin/dlq/replay?max=-1", null, null, ADMIN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    }

    private void body(String name, String method, String url, Arbitrary<byte[]> bodies) throws Exception {
        assertClean(fuzzer.run(name, COUNT, bodies, body -> call(method, url, body, ADMIN)));
    }

    private void path(String name, String method, String prefix, String suffix) throws Exception {
        assertClean(
                fuzzer.run(name, COUNT, Hostile.urlPart(), part -> call(method, prefix + part + suffix, null, ADMIN)));
    }

    private void pathAndBody(String name, String method, String prefix, Arbitrary<byte[]> bodies) throws Exception {
        Arbitrary<String> slugs = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just("fuzz-article")),
                net.jqwik.api.Tuple.of(1, Hostile.urlPart()));
        assertClean(fuzzer.run(
                name,
                COUNT,
                Combinators.combine(slugs, bodies).as(List::of),
                in -> call(method, prefix + in.get(0), (byte[]) in.get(1), ADMIN)));
    }

    private void query(String name, String url, List<String> params) throws Exception {
        assertClean(fuzzer.run(name, COUNT, queries(params), q -> call("GET", url + "?" + q, null, ADMIN)));
    }

    private Fuzzer.Call call(String method, String url, byte[] body, Map<String, String> headers) {
        String description = method + " " + url + (body == null ? "" : " " + new String(body, StandardCharsets.UTF_8));
        return new Fuzzer.Call(
                description,
                () -> http.send(method, url, body == null ? null : "application/json", body, headers),
                body == null ? 0 : body.length);
    }
}
