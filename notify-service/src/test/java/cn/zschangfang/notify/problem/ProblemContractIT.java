package cn.zschangfang.notify.problem;

import static cn.zschangfang.platform.test.ProblemContract.assertProblem;
import static cn.zschangfang.platform.test.ProblemContract.codes;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.support.NotifyIntegrationTest;
import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.test.Http;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every error status notify-service can produce, each response validated against problem.schema.json. It cannot
 * produce 429 (rate limits live at the gateway); 503 with MongoDB stopped is {@link UnavailableProblemIT}.
 */
class ProblemContractIT extends NotifyIntegrationTest {

    private Http http() {
        return new Http(port);
    }

    @Test
    void badAgentDefinitionsAreValidationOrMalformedJson() {
        var invalid = assertProblem(
                http().post(
                                "/api/notify/agents",
                                "{\"name\":\"王五\",\"wecomWebhook\":\"https://169.254.169.254/latest\"}",
                                "Authorization",
                                ADMIN),
                ProblemType.VALIDATION);
        assertThat(invalid.path("errors").get(0).path("field").asString()).isEqualTo("wecomWebhook");

        // Issue 9 item 4: a natural guess at the shape used to be answered 201 with an agent nobody could reach.
        var unknown = assertProblem(
                http().post(
                                "/api/notify/agents",
                                "{\"name\":\"王五\",\"channels\":{\"wecomWebhook\":\"https://qyapi.weixin.qq.com/x\"}}",
                                "Authorization",
                                ADMIN),
                ProblemType.VALIDATION);
        assertThat(codes(unknown)).containsExactly("unknown_field");
        assertThat(unknown.path("errors").get(0).path("field").asString()).isEqualTo("channels");

        assertProblem(
                http().post("/api/notify/agents", "{\"name\":", "Authorization", ADMIN), ProblemType.MALFORMED_JSON);
    }

    @Test
    void noTokenIs401AndAForgedAcknowledgementLinkIs403() {
        assertProblem(http().get("/api/notify/agents"), ProblemType.UNAUTHORIZED);
        assertProblem(http().get("/internal/auth/agent"), ProblemType.UNAUTHORIZED);
        assertProblem(http().get("/ack/v1.agent-1.L-1.Zm9yZ2Vk"), ProblemType.FORBIDDEN);
    }

    @Test
    void unknownAgentsAndPathsAre404() {
        assertProblem(http().get("/api/notify/agents/no-such-agent", "Authorization", ADMIN), ProblemType.NOT_FOUND);
        assertProblem(http().get("/api/notify/nothing-here", "Authorization", ADMIN), ProblemType.NOT_FOUND);
    }

    @Test
    void aWrongMethodIs405AndAWrongMediaTypeIs415() {
        assertProblem(
                http().method("PATCH", "/api/notify/agents", "{}", "Authorization", ADMIN),
                ProblemType.METHOD_NOT_ALLOWED);
        assertProblem(
                http().post("/api/notify/agents", "name=x", "Authorization", ADMIN, "Content-Type", "text/plain"),
                ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void anOversizedChunkedBodyIs413() {
        byte[] big = ("{\"name\":\"" + "王".repeat(40_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(
                http().postChunked("/api/notify/agents", big, "Authorization", ADMIN), ProblemType.PAYLOAD_TOO_LARGE);
    }
}
