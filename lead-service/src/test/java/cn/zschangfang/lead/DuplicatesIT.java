package cn.zschangfang.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Duplicates: a repeat of the same phone, intent and property type is merged, never a second lead. */
class DuplicatesIT extends LeadServiceITBase {

    @Test
    void duplicateInquiryWithin24hIsMergedAndNotNotifiedAgain() {
        String phone = uniquePhone();
        String id = capture(inquiry(phone).message("第一次").json());

        HttpResponse<String> second =
                http().post("/api/leads", inquiry(phone).message("再问一次价格").json(), "X-Api-Key", PARTNER_KEY);

        assertThat(second.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(second.body());
        assertThat(body.get("id").asString()).isEqualTo(id);
        assertThat(body.get("duplicate").asBoolean()).isTrue();
        assertThat(leads.findAll().stream().filter(l -> phone.equals(l.contact().phone())))
                .hasSize(1);
        assertThat(leads.findById(id).orElseThrow().timeline()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("DUPLICATE_SUBMISSION");
            assertThat(e.detail()).contains("再问一次价格");
        });
        assertThat(published("lead.captured", id, 1)).hasSize(1);

        // Another property type is another need: a new lead.
        HttpResponse<String> other = http().post(
                        "/api/leads", inquiry(phone).propertyType("WAREHOUSE").json(), "X-Api-Key", PARTNER_KEY);
        assertThat(other.statusCode()).isEqualTo(201);
    }

    @Test
    void simultaneousDoubleSubmitCreatesOneLead() throws Exception {
        String phone = uniquePhone();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(
                        () -> http().post("/api/leads", inquiry(phone).json(), "X-Api-Key", PARTNER_KEY)
                                .statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 200);
        } finally {
            pool.shutdown();
        }
        assertThat(leads.findAll().stream().filter(l -> phone.equals(l.contact().phone())))
                .hasSize(1);
    }

    @Test
    void aRepeatTypedInFullWidthIsTheSamePhoneAndIsMerged() {
        String phone = uniquePhone();
        String id = capture(inquiry(phone).json());
        String fullWidth = "＋８６ " + toFullWidth(phone.substring(0, 3)) + "－" + toFullWidth(phone.substring(3));

        HttpResponse<String> repeat =
                http().post("/api/leads", inquiry(fullWidth).json(), "X-Api-Key", PARTNER_KEY);

        assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(200);
        assertThat(json.readTree(repeat.body()).get("id").asString()).isEqualTo(id);
        assertThat(leads.findById(id).orElseThrow().contact().phone()).isEqualTo(phone);
    }

    static String toFullWidth(String digits) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(c -> out.append((char) (c - '0' + '０')));
        return out.toString();
    }
}
