package cn.zschangfang.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Desk API: agents see and change only their own leads, managers see all. */
class DeskIT extends LeadServiceITBase {

    /**
     * The desk's fields, named once: the views unwrap stored records, so a field added to the lead reaches agents
     * (and personal data a list row) only when it is added here as well.
     */
    private static final String HEADING = "id status receivedAt intent propertyType town ";

    static final List<String> DETAIL_FIELDS = List.of((HEADING
                    + "areaSqm areaMu use expectedAnnualTaxWan contactName phone company message sourceArticle visitorId "
                    + "channel consent interests score scoreReasons assigneeId assigneeName notifiedAt acknowledgedAt "
                    + "personalDataErasedAt timeline requirements sourceListing matches")
            .split(" "));

    static final List<String> ROW_FIELDS = List.of(
            (HEADING + "company contactNameMasked phoneMasked score channel assigneeId assigneeName").split(" "));

    @Test
    void agentsSeeAndChangeOnlyTheirOwnLeadsAndManagersSeeAll() {
        String phone = uniquePhone();
        String id = capture(inquiry(phone).company("中山精密制造有限公司").json());
        sendRouted(id, "agent-1", "王经理", "rr", false);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "agent-1".equals(leads.findById(id).orElseThrow().assigneeId()));

        String agent1 = "Bearer agent-1-token";
        String agent2 = "Bearer agent-2-token";
        String manager = "Bearer manager-token";
        HttpResponse<String> own = http().get("/api/leads/" + id, "Authorization", agent1);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json.readTree(own.body()).get("phone").asString()).isEqualTo(phone);
        assertThat(json.readTree(own.body()).get("timeline")).isNotEmpty();
        assertThat(json.readTree(own.body()).propertyNames()).containsExactlyInAnyOrderElementsOf(DETAIL_FIELDS);

        assertThat(http().get("/api/leads/" + id, "Authorization", agent2).statusCode())
                .isEqualTo(404);
        assertThat(http().post("/api/agent/leads/" + id + "/ack", "{}", "Authorization", agent2)
                        .statusCode())
                .isEqualTo(404);
        assertThat(http().get("/api/leads/" + id).statusCode()).isEqualTo(401);
        assertThat(http().get("/api/leads/" + id, "Authorization", "Bearer forged")
                        .statusCode())
                .isEqualTo(401);
        assertThat(http().get("/api/leads", "Authorization", agent1).statusCode())
                .isEqualTo(403);

        assertThat(json.readTree(http().get("/api/agent/leads", "Authorization", agent1)
                                .body())
                        .valueStream()
                        .map(n -> n.get("id").asString()))
                .contains(id);
        assertThat(json.readTree(http().get("/api/agent/leads", "Authorization", agent2)
                                .body())
                        .valueStream()
                        .map(n -> n.get("id").asString()))
                .doesNotContain(id);

        HttpResponse<String> won =
                http().post("/api/agent/leads/" + id + "/status", "{\"status\":\"WON\"}", "Authorization", agent1);
        assertThat(won.statusCode()).isEqualTo(409);
        assertThat(json.readTree(won.body()).get("type").asString())
                .isEqualTo("https://zschangfang.cn/problems/conflict");

        HttpResponse<String> ack = http().post("/api/agent/leads/" + id + "/ack", "{}", "Authorization", agent1);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(json.readTree(ack.body()).get("status").asString()).isEqualTo("ACKNOWLEDGED");
        HttpResponse<String> contacted = http().post(
                        "/api/agent/leads/" + id + "/status",
                        "{\"status\":\"CONTACTED\",\"note\":\"已电话沟通\"}",
                        "Authorization",
                        agent1);
        assertThat(contacted.statusCode()).isEqualTo(200);
        HttpResponse<String> note =
                http().post("/api/agent/leads/" + id + "/notes", "{\"note\":\"周五看厂\"}", "Authorization", agent1);
        assertThat(json.readTree(note.body())
                        .get("timeline")
                        .valueStream()
                        .map(e -> e.get("detail").asString()))
                .contains("周五看厂");
        assertThat(published("lead.status-changed", id, 3))
                .extracting(r -> json.readTree(r.value()).get("status").asString())
                .containsExactly("ROUTED", "ACKNOWLEDGED", "CONTACTED");

        HttpResponse<String> list = http().get("/api/leads?town=沙溪&status=CONTACTED", "Authorization", manager);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(list.body());
        assertThat(page.get("items").valueStream().map(n -> n.get("id").asString()))
                .contains(id);
        assertThat(list.body()).doesNotContain(phone);
        assertThat(page.get("items").get(0).propertyNames()).containsExactlyInAnyOrderElementsOf(ROW_FIELDS);

        HttpResponse<String> csv = http().get("/api/leads/export?status=CONTACTED", "Authorization", manager);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("\uFEFF").contains("中山精密制造有限公司").contains(phone);
    }

    @Test
    void aManagerFindsALeadByItsPhoneTypedInFullWidth() {
        String phone = uniquePhone();
        String id = capture(inquiry(phone).json());
        String fullWidth =
                DuplicatesIT.toFullWidth(phone.substring(0, 3)) + " " + DuplicatesIT.toFullWidth(phone.substring(3));

        HttpResponse<String> list = http().get(
                        "/api/leads?phone=" + URLEncoder.encode(fullWidth, StandardCharsets.UTF_8),
                        "Authorization",
                        "Bearer manager-token");

        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(json.readTree(list.body())
                        .get("items")
                        .valueStream()
                        .map(n -> n.get("id").asString()))
                .containsExactly(id);
        assertThat(http().get("/api/leads?phone=12345", "Authorization", "Bearer manager-token")
                        .statusCode())
                .isEqualTo(400);
    }
}
