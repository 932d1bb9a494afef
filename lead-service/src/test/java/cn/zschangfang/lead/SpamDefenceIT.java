package cn.zschangfang.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Spam defences: ALTCHA, honeypot, fill time and rate limits on the public form. */
class SpamDefenceIT extends LeadServiceITBase {

    @Test
    void browserSubmissionNeedsAFreshSolvedAltchaAndPassesHoneypotAndFillTime() throws Exception {
        String ip = "203.0.113." + PHONES.incrementAndGet() % 250;
        HttpResponse<String> challengeResponse = http().get("/api/leads/challenge");
        assertThat(challengeResponse.statusCode()).isEqualTo(200);
        JsonNode challenge = json.readTree(challengeResponse.body());
        Altcha.Solution solution = Altcha.solveChallenge(
                challenge.get("challenge").asString(),
                challenge.get("salt").asString(),
                Altcha.Algorithm.SHA256,
                challenge.get("maxnumber").asLong(),
                0);
        String payload = Base64.getEncoder()
                .encodeToString(("{\"algorithm\":\"SHA-256\",\"challenge\":\""
                                + challenge.get("challenge").asString()
                                + "\",\"number\":" + solution.number + ",\"salt\":\""
                                + challenge.get("salt").asString() + "\",\"signature\":\""
                                + challenge.get("signature").asString() + "\"}")
                        .getBytes());
        long started = System.currentTimeMillis() - 10_000;
        Supplier<String> browser = () -> inquiry(uniquePhone())
                .with("formStartedAt", started)
                .with("website", "")
                .with("altcha", payload)
                .json();

        HttpResponse<String> accepted = http().post("/api/leads", browser.get(), "X-Forwarded-For", ip);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(leads.findById(json.readTree(accepted.body()).get("id").asString())
                        .orElseThrow()
                        .attribution()
                        .channel())
                .isEqualTo("web");

        HttpResponse<String> replayed = http().post("/api/leads", browser.get(), "X-Forwarded-For", ip);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(replayed.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("altcha");

        HttpResponse<String> bot = http().post(
                        "/api/leads",
                        inquiry(uniquePhone())
                                .with("formStartedAt", started)
                                .with("website", "http://spam")
                                .json(),
                        "X-Forwarded-For",
                        ip);
        assertThat(json.readTree(bot.body()).get("type").asString())
                .isEqualTo("https://zschangfang.cn/problems/spam_suspected");

        HttpResponse<String> tooFast = http().post(
                        "/api/leads",
                        inquiry(uniquePhone())
                                .with("formStartedAt", System.currentTimeMillis())
                                .json(),
                        "X-Forwarded-For",
                        "198.51.100.7");
        assertThat(json.readTree(tooFast.body()).get("type").asString())
                .isEqualTo("https://zschangfang.cn/problems/spam_suspected");
    }

    @Test
    void rateLimitsAnswer429WithRetryAfterPerIpAndPerPhone() {
        String ip = "192.0.2.77";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(http().post("/api/leads", inquiry(uniquePhone()).json(), "X-Forwarded-For", ip)
                    .statusCode());
        }
        assertThat(statuses.subList(0, 4)).doesNotContain(429);
        HttpResponse<String> limited =
                http().post("/api/leads", inquiry(uniquePhone()).json(), "X-Forwarded-For", ip);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(limited.body()).get("type").asString())
                .isEqualTo("https://zschangfang.cn/problems/rate_limited");

        String phone = uniquePhone();
        int last = 0;
        for (int i = 0; i < 7; i++) {
            last = http().post("/api/leads", inquiry(phone).json(), "X-Api-Key", PARTNER_KEY)
                    .statusCode();
        }
        assertThat(last).isEqualTo(429);
    }
}
