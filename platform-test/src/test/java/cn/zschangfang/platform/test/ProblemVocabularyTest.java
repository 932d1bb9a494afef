package cn.zschangfang.platform.test;

import static cn.zschangfang.platform.test.ProblemContract.assertProblem;
import static cn.zschangfang.platform.test.ProblemContract.codes;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.test.app.SampleApplication;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every kind of error the platform renders, checked against problem.schema.json, through real HTTP. */
@SpringBootTest(
        classes = SampleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // Boot's own ProblemDetails handler must back off, as in lead- and notify-service.
            "spring.mvc.problemdetails.enabled=true",
            "spring.autoconfigure.exclude="
                    + "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                    + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration,"
                    + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration"
        })
class ProblemVocabularyTest {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper jsonMapper;

    private Http http() {
        return new Http(port);
    }

    @Test
    void beanValidationErrorsUseTheSharedCodesAndChineseMessages() {
        JsonNode body = assertProblem(
                http().post("/sample/commands", "{\"name\":\" \",\"note\":\"too long\"}"), ProblemType.VALIDATION);
        assertThat(codes(body)).containsExactlyInAnyOrder("required", "too_long");
    }

    @Test
    void anUnknownPropertyIsRefusedNamingTheField() {
        JsonNode body = assertProblem(
                http().post("/sample/commands", "{\"name\":\"a\",\"channels\":{\"wecomWebhook\":\"x\"}}"),
                ProblemType.VALIDATION);
        assertThat(body.path("errors").get(0).path("field").asString()).isEqualTo("channels");
        assertThat(codes(body)).containsExactly("unknown_field");
    }

    @Test
    void theApplicationsJsonMapperStaysATolerantReaderForEvents() {
        SampleApplication.Command command =
                jsonMapper.readValue("{\"name\":\"a\",\"futureField\":{\"x\":1}}", SampleApplication.Command.class);
        assertThat(command.name()).isEqualTo("a");
    }

    @Test
    void aWrongTypedFieldIsInvalidTypeNamingThePath() {
        JsonNode body = assertProblem(
                http().post("/sample/commands", "{\"name\":\"a\",\"count\":\"many\"}"), ProblemType.VALIDATION);
        assertThat(codes(body)).containsExactly("invalid_type");
        assertThat(body.path("errors").get(0).path("field").asString()).isEqualTo("count");
    }

    @Test
    void aWrongTypedQueryParameterIsInvalidTypeToo() {
        JsonNode body = assertProblem(http().get("/sample/things?page=abc"), ProblemType.VALIDATION);
        assertThat(codes(body)).containsExactly("invalid_type");
    }

    @Test
    void aMissingQueryParameterIsRequired() {
        assertThat(codes(assertProblem(http().get("/sample/things"), ProblemType.VALIDATION)))
                .containsExactly("required");
    }

    @Test
    void brokenJsonIsMalformedJson() {
        assertProblem(http().post("/sample/commands", "{\"name\":"), ProblemType.MALFORMED_JSON);
    }

    @Test
    void notFoundMethodAndMediaTypeErrorsAreVocabularyProblems() {
        assertProblem(http().get("/no/such/path"), ProblemType.NOT_FOUND);
        assertProblem(http().get("/sample/missing"), ProblemType.NOT_FOUND);
        HttpResponse<String> wrongMethod = http().delete("/sample/commands");
        assertProblem(wrongMethod, ProblemType.METHOD_NOT_ALLOWED);
        assertThat(wrongMethod.headers().firstValue("Allow"))
                .hasValueSatisfying(v -> assertThat(v).contains("POST"));
        assertProblem(
                http().post("/sample/commands", "name=a", "Content-Type", "text/plain"),
                ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void aConflictCarriesItsFixedChineseDetail() {
        JsonNode body = assertProblem(http().get("/sample/conflict"), ProblemType.CONFLICT);
        assertThat(body.path("detail").asString()).isEqualTo("当前状态不允许该变更");
    }

    @Test
    void every401CarriesABearerChallenge() {
        assertProblem(http().get("/sample/private"), ProblemType.UNAUTHORIZED);
    }

    @Test
    void aDeclaredBodyOverTheCapIsRefusedBeforeReading() {
        String big = "{\"name\":\"" + "x".repeat(1000) + "\"}";
        assertProblem(http().post("/sample/commands", big), ProblemType.PAYLOAD_TOO_LARGE);
    }

    @Test
    void aChunkedBodyOverTheCapIsCutOffWhileRead() {
        byte[] big = ("{\"name\":\"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(http().postChunked("/sample/commands", big), ProblemType.PAYLOAD_TOO_LARGE);
        byte[] small = "{\"name\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(http().postChunked("/sample/commands", small).statusCode()).isEqualTo(201);
    }

    @Test
    void anUnreachableDataStoreIs503WithRetryAfterAndNoHostName() {
        HttpResponse<String> response = http().get("/sample/store-down");
        assertProblem(response, ProblemType.UNAVAILABLE);
        assertThat(response.body()).doesNotContain("db.internal");
    }

    @Test
    void aBugIs500WithoutTheExceptionMessage() {
        HttpResponse<String> response = http().get("/sample/bug");
        assertProblem(response, ProblemType.INTERNAL);
        assertThat(response.body()).doesNotContain("internal detail").doesNotContain("IllegalStateException");
    }
}
