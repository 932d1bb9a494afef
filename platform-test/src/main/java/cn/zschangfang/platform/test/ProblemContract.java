package cn.zschangfang.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.platform.problem.ProblemType;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks one error response against the platform's contract: {@code problem.schema.json} (shipped in the platform
 * jar), the {@code application/problem+json} media type, the vocabulary's status and title for its type, and the
 * headers RFC 6750 and RFC 9110 ask for (a Bearer challenge on 401, {@code Retry-After} on 503).
 */
public final class ProblemContract {

    private static final Schema SCHEMA = load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemContract() {}

    /** Schema violations of {@code json}; empty when it is a valid problem. */
    public static List<String> violations(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    /** Asserts that {@code response} is a problem of {@code expected}; returns its body for further checks. */
    public static JsonNode assertProblem(HttpResponse<String> response, ProblemType expected) {
        String described = response.request().method() + " " + response.uri().getPath() + " → " + response.statusCode()
                + " " + response.body();
        assertThat(response.statusCode())
                .as(described)
                .isEqualTo(expected.status().value());
        assertThat(response.headers().firstValue("Content-Type"))
                .as(described)
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(violations(response.body())).as(described).isEmpty();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asString())
                .as(described)
                .isEqualTo(expected.uri().toString());
        assertThat(body.path("title").asString()).as(described).isEqualTo(expected.title());
        assertThat(body.path("status").asInt())
                .as(described)
                .isEqualTo(expected.status().value());
        if (expected.status().value() == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as(described)
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
        if (expected.status().value() == 503) {
            assertThat(response.headers().firstValue("Retry-After"))
                    .as(described)
                    .isPresent();
        }
        return body;
    }

    /** The codes of {@code errors[]}, in order. */
    public static List<String> codes(JsonNode problem) {
        return problem.path("errors")
                .valueStream()
                .map(e -> e.path("code").asString())
                .toList();
    }

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        try (InputStream in = ProblemContract.class.getResourceAsStream("/problem.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("problem.schema.json is missing from the platform jar");
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
