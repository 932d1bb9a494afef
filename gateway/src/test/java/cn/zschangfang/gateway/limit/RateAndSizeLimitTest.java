package cn.zschangfang.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.gateway.support.GatewayTestBase;
import cn.zschangfang.gateway.support.StubService;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The test profile allows a burst of 3 lead submissions per client IP and 6 per integration key, no refill. */
class RateAndSizeLimitTest extends GatewayTestBase {

    @Autowired
    MeterRegistry meters;

    private static final String LEAD_JSON = "{\"intent\":\"BUY\",\"town\":\"火炬开发区\",\"consent\":true}";

    @BeforeEach
    void leadServiceAccepts() {
        LEAD.on("/api/leads", (exchange, body) -> StubService.json(exchange, 201, "{\"status\":\"NEW\"}"));
    }

    @Test
    void leadSubmissionsBeyondTheBurstOfOneClientGet429WithRetryAfterAndProblem() {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            last = postJson("/api/leads", LEAD_JSON, "X-Forwarded-For", "198.51.100.1");
            statuses.add(last.statusCode());
        }

        assertThat(statuses).containsExactly(201, 201, 201, 429, 429);
        assertThat(last.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(last.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(last.body())
                .contains("\"type\":\"https://zschangfang.cn/problems/rate_limited\"")
                .contains("\"status\":429");
        assertThat(LEAD.received()).hasSize(3);
        assertThat(meters.counter("gateway.rate_limit.rejected", "rule", "lead-submission", "kind", "client-ip")
                        .count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void rateLimitedAnswerIsReadableByAPageOnTheSiteOrigin() {
        HttpResponse<String> last = null;
        for (int i = 0; i < 4; i++) {
            last = postJson(
                    "/api/leads", LEAD_JSON, "X-Forwarded-For", "198.51.100.8", "Origin", "http://localhost:8080");
        }

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
        assertThat(last.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValueSatisfying(h -> assertThat(h).contains("Retry-After"));
        assertThat(last.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(last.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void anotherClientIpHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            postJson("/api/leads", LEAD_JSON, "X-Forwarded-For", "198.51.100.2");
        }
        assertThat(postJson("/api/leads", LEAD_JSON, "X-Forwarded-For", "198.51.100.2")
                        .statusCode())
                .isEqualTo(429);

        assertThat(postJson("/api/leads", LEAD_JSON, "X-Forwarded-For", "198.51.100.3")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void validApiKeyIsLimitedPerKeyAtItsOwnHigherRate() {
        for (int i = 0; i < 3; i++) {
            postJson("/api/leads", LEAD_JSON, "X-Forwarded-For", "198.51.100.4");
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            statuses.add(postJson("/api/leads", LEAD_JSON, "X-Forwarded-For", "198.51.100.4", "X-Api-Key", API_KEY)
                    .statusCode());
        }

        assertThat(statuses).containsExactly(201, 201, 201, 201, 201, 201, 429);
        assertThat(LEAD.received())
                .filteredOn(r -> API_KEY.equals(r.header("X-Api-Key")))
                .as("the key travels on for lead-service to name the channel")
                .hasSize(6);
    }

    @Test
    void unknownApiKeyIsUnauthorized() {
        HttpResponse<String> response =
                postJson("/api/leads", LEAD_JSON, "X-Forwarded-For", "198.51.100.5", "X-Api-Key", "guessed-key");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("problems/unauthorized").doesNotContain("guessed-key");
        assertThat(LEAD.received()).isEmpty();
    }

    @Test
    void oversizedLeadBodyGets413ProblemAndNeverReachesTheService() {
        String big = "{\"message\":\"" + "厂".repeat(1_000) + "\"}"; // 3 000 bytes of UTF-8 > 2 KB

        HttpResponse<String> response = postJson("/api/leads", big, "X-Forwarded-For", "198.51.100.6");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body())
                .contains("https://zschangfang.cn/problems/payload_too_large")
                .contains("\"maxBytes\":2048");
        assertThat(LEAD.received()).isEmpty();
    }

    @Test
    void oversizedChunkedBodyWithoutContentLengthGets413Too() {
        String big = "{\"visitorId\":\"" + "v".repeat(2_000) + "\"}"; // > 1 KB beacon limit
        HttpResponse<String> response =
                postChunkedJson("/api/content/articles/shaxi/views", big, "X-Forwarded-For", "198.51.100.7");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(CONTENT.received()).isEmpty();
    }

    @Test
    void unlimitedPathsAreNotCounted() {
        for (int i = 0; i < 10; i++) {
            assertThat(get("/api/content/articles/shaxi").statusCode()).isEqualTo(200);
        }
    }
}
