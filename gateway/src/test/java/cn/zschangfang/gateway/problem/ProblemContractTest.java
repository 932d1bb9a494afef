package cn.zschangfang.gateway.problem;

import static cn.zschangfang.platform.test.ProblemContract.assertProblem;

import cn.zschangfang.gateway.support.GatewayTestBase;
import cn.zschangfang.gateway.support.StubService;
import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.test.Http;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every error status the gateway produces itself, each response validated against problem.schema.json. It produces
 * no 415: it does not read bodies, so a wrong media type is the service's answer, passed through and checked by the
 * service's own contract test (as are the services' 400s).
 */
class ProblemContractTest extends GatewayTestBase {

    private static final String LEAD_JSON = "{\"town\":\"沙溪镇\",\"phone\":\"13800000000\"}";

    private Http http() {
        return new Http(port);
    }

    @Test
    void aRequestTheFirewallRefusesIs400() {
        assertProblem(http().get("/api/content/articles;jsessionid=x"), ProblemType.BAD_REQUEST);
    }

    @Test
    void noTokenIs401WithABearerChallengeAndTheWrongRoleIs403() {
        assertProblem(http().get("/api/leads"), ProblemType.UNAUTHORIZED);
        assertProblem(http().post("/api/leads", LEAD_JSON, "X-Api-Key", "guessed-key"), ProblemType.UNAUTHORIZED);
        assertProblem(http().get("/api/agent/leads", "Authorization", "Bearer " + ADMIN_TOKEN), ProblemType.FORBIDDEN);
    }

    @Test
    void anUnknownApiDocumentIs404() {
        assertProblem(http().get("/v3/api-docs/nothing"), ProblemType.NOT_FOUND);
    }

    @Test
    void aWrongMethodOnTheGatewaysOwnEndpointIs405() {
        assertProblem(http().method("POST", "/actuator/health", "{}"), ProblemType.METHOD_NOT_ALLOWED);
    }

    @Test
    void anOversizedChunkedLeadIs413BeforeItReachesTheService() {
        byte[] big = ("{\"message\":\"" + "长".repeat(5_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(
                http().postChunked("/api/leads", big, "X-Forwarded-For", "198.51.100.201"),
                ProblemType.PAYLOAD_TOO_LARGE);
    }

    @Test
    void submissionsBeyondTheBurstAre429() {
        for (int i = 0; i < 3; i++) {
            http().post("/api/leads", LEAD_JSON, "X-Forwarded-For", "198.51.100.202");
        }
        assertProblem(
                http().post("/api/leads", LEAD_JSON, "X-Forwarded-For", "198.51.100.202"), ProblemType.RATE_LIMITED);
    }

    @Test
    void aTokenThatCannotBeVerifiedRightNowIs503() {
        // notify-service answers 500: the token cannot be checked, so the caller should retry, not log in again.
        NOTIFY.on("/internal/auth/agent", (exchange, body) -> StubService.json(exchange, 500, "{}"));

        assertProblem(
                http().get("/api/agent/leads", "Authorization", "Bearer contract-unverifiable"),
                ProblemType.UNAVAILABLE);
    }
}
