package cn.zschangfang.lead.problem;

import static cn.zschangfang.platform.test.ProblemContract.assertProblem;
import static cn.zschangfang.platform.test.ProblemContract.codes;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.lead.LeadKafka;
import cn.zschangfang.lead.NotifyAuthStub;
import cn.zschangfang.lead.capture.TestInquiry;
import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.test.Http;
import cn.zschangfang.platform.test.MongoWireDatabase;
import cn.zschangfang.platform.test.MongoWireServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every error status lead-service can produce (400, 401, 403, 404, 405, 413, 415, 429, and 503 once its MongoDB is
 * stopped, which runs last), each response validated against problem.schema.json.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
            "lead.admin-token=contract-admin-token",
            "lead.integration-api-keys=partner=contract-partner-key",
            "lead.spam.altcha-hmac-key=contract-altcha-key",
            "lead.spam.per-ip-per-hour=1",
            "lead.spam.max-body-bytes=4096",
            // After the 503 test stops MongoDB the relay and gauges would log a stack trace at their next run: the
            // relay is off (the publisher sends right after the write), the gauges' next refresh is an hour away.
            "lead.outbox.relay-enabled=false",
            "lead.metrics.outbox-refresh=1h"
        })
@LeadKafka
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@MongoWireDatabase(value = "leads-problem-contract", dedicated = true)
class ProblemContractIT {

    static final NotifyAuthStub NOTIFY = new NotifyAuthStub();
    static final String PARTNER = "contract-partner-key";
    static final String ADMIN = "Bearer contract-admin-token";

    private static TestInquiry inquiry() {
        return TestInquiry.inquiry().phone("13900001234");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoWireServer.Dedicated mongo;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lead.notify-url", NOTIFY::url);
    }

    @AfterAll
    static void stopStub() {
        NOTIFY.close();
    }

    Http http() {
        return new Http(port);
    }

    @Test
    void badInquiriesAreValidationProblemsNamingTheField() {
        var phone = assertProblem(
                http().post("/api/leads", inquiry().phone("12").json(), "X-Api-Key", PARTNER), ProblemType.VALIDATION);
        assertThat(codes(phone)).contains("invalid_phone");

        var unknown = assertProblem(
                http().post(
                                "/api/leads",
                                inquiry()
                                        .with("budget", TestInquiry.members("max", 1))
                                        .json(),
                                "X-Api-Key",
                                PARTNER),
                ProblemType.VALIDATION);
        assertThat(codes(unknown)).containsExactly("unknown_field");
        assertThat(unknown.path("errors").get(0).path("field").asString()).isEqualTo("budget");

        var wrongType = assertProblem(
                http().post(
                                "/api/leads",
                                inquiry()
                                        .with("areaMu", TestInquiry.members("min", "big"))
                                        .json(),
                                "X-Api-Key",
                                PARTNER),
                ProblemType.VALIDATION);
        assertThat(codes(wrongType)).containsExactly("invalid_type");

        assertProblem(http().post("/api/leads", "{\"intent\":", "X-Api-Key", PARTNER), ProblemType.MALFORMED_JSON);
    }

    @Test
    void noTokenIs401AndAnAgentOnTheManagersListIs403() {
        assertProblem(http().get("/api/leads"), ProblemType.UNAUTHORIZED);
        assertProblem(http().get("/api/leads", "Authorization", "Bearer agent-1-token"), ProblemType.FORBIDDEN);
    }

    @Test
    void unknownLeadsAndPathsAre404() {
        assertProblem(http().get("/api/leads/no-such-lead", "Authorization", ADMIN), ProblemType.NOT_FOUND);
        assertProblem(http().get("/api/nothing-here", "Authorization", ADMIN), ProblemType.NOT_FOUND);
    }

    @Test
    void aWrongMethodIs405AndAWrongMediaTypeIs415() {
        assertProblem(http().delete("/api/leads/challenge"), ProblemType.METHOD_NOT_ALLOWED);
        assertProblem(
                http().post("/api/leads", "phone=1", "X-Api-Key", PARTNER, "Content-Type", "text/plain"),
                ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }

    /**
     * Issue 9 item 6: a chunked body has no Content-Length, so the old filter let it through and the JSON reader took
     * it whole (here: a 400 for a too-long message instead of 413). 64 KiB is far over the 4 KiB cap yet small enough
     * for Tomcat to swallow the unread rest, so the client reliably reads the answer.
     */
    @Test
    void anOversizedChunkedBodySentStraightToTheServiceIs413() {
        byte[] huge = inquiry().message("长".repeat(20_000)).json().getBytes(StandardCharsets.UTF_8);

        assertProblem(http().postChunked("/api/leads", huge, "X-Api-Key", PARTNER), ProblemType.PAYLOAD_TOO_LARGE);
    }

    @Test
    void aSecondPublicSubmissionFromOneAddressWithinTheHourIs429() {
        String form = inquiry().phone("13900004321").json();
        http().post("/api/leads", form, "X-Forwarded-For", "203.0.113.99");

        assertProblem(http().post("/api/leads", form, "X-Forwarded-For", "203.0.113.99"), ProblemType.RATE_LIMITED);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void withMongoStoppedListsAre503WithRetryAfter() {
        mongo.stop();

        assertProblem(http().get("/api/leads", "Authorization", ADMIN), ProblemType.UNAVAILABLE);
    }
}
