package cn.zschangfang.content.problem;

import static cn.zschangfang.platform.test.ProblemContract.assertProblem;
import static cn.zschangfang.platform.test.ProblemContract.codes;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.content.support.Http;
import cn.zschangfang.content.support.ServiceIT;
import cn.zschangfang.platform.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every error status content-service can produce, each response validated against problem.schema.json. It cannot
 * produce 403 (its one credential is the admin token: a wrong one is 401) nor 429 (rate limits live at the
 * gateway); 503 with MongoDB stopped is {@link UnavailableProblemIT}.
 */
class ProblemContractIT extends ServiceIT {

    private static final String ADMIN = "Bearer " + Http.ADMIN_TOKEN;

    @Test
    void badRequestsAreValidationOrMalformedJson() {
        var missing = assertProblem(
                http().post("/api/content/admin/articles", "{}", "Authorization", ADMIN), ProblemType.VALIDATION);
        assertThat(codes(missing)).contains("required");

        var unknown = assertProblem(
                http().post(
                                "/api/content/admin/articles",
                                "{\"slug\":\"a\",\"title\":\"标题\",\"body\":\"正文\",\"category\":\"c\",\"colour\":1}",
                                "Authorization",
                                ADMIN),
                ProblemType.VALIDATION);
        assertThat(codes(unknown)).containsExactly("unknown_field");

        assertProblem(
                http().post("/api/content/admin/articles", "{\"slug\":", "Authorization", ADMIN),
                ProblemType.MALFORMED_JSON);
        assertProblem(http().get("/api/content/articles?page=many"), ProblemType.VALIDATION);
    }

    @Test
    void missingOrWrongAdminTokenIs401WithABearerChallenge() {
        assertProblem(http().post("/api/content/admin/articles", "{}"), ProblemType.UNAUTHORIZED);
        assertProblem(
                http().post("/api/content/admin/articles", "{}", "Authorization", "Bearer wrong"),
                ProblemType.UNAUTHORIZED);
    }

    @Test
    void unknownArticlesAndPathsAre404() {
        assertProblem(http().get("/api/content/articles/no-such-article"), ProblemType.NOT_FOUND);
        assertProblem(http().get("/api/content/nothing-here"), ProblemType.NOT_FOUND);
    }

    @Test
    void aWrongMethodIs405() {
        assertProblem(http().delete("/api/content/articles"), ProblemType.METHOD_NOT_ALLOWED);
    }

    @Test
    void anOversizedChunkedBeaconIs413() {
        byte[] big = ("{\"visitorId\":\"" + "v".repeat(10_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(
                http().postChunked("/api/content/articles/any/views", big, "User-Agent", Http.BROWSER),
                ProblemType.PAYLOAD_TOO_LARGE);
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        assertProblem(
                http().post(
                                "/api/content/admin/articles",
                                "slug=a",
                                "Authorization",
                                ADMIN,
                                "Content-Type",
                                "text/plain"),
                ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }
}
