package cn.zschangfang.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.gateway.support.GatewayTestBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest extends GatewayTestBase {

    @Test
    void accessLogLineIsJsonWithTraceIdSpanIdAndServiceButNoQueryString(CapturedOutput output) {
        HttpResponse<String> response = get("/api/content/articles/shaxi?phone=13800009793");
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(output.getOut())
                        .containsPattern(
                                "\\{[^\\n]*\"message\":\"GET /api/content/articles/shaxi 200 route=content \\d+ms\""
                                        + "[^\\n]*\"traceId\":\"" + requestId + "\",\"spanId\":\"[0-9a-f]{16}\"[^\\n]*"
                                        + "\"service\":\"gateway\""));
        assertThat(output.getOut()).doesNotContain("13800009793");
    }

    @Test
    void acknowledgementTokensAreMaskedInTheAccessLog(CapturedOutput output) {
        get("/ack/v1.agent-1.L-7.c2lnbmF0dXJl");

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(output.getOut()).contains("GET /ack/*** 200 route=ack"));
        assertThat(output.getOut()).doesNotContain("c2lnbmF0dXJl");
    }

    @Test
    void traceIdIsReturnedAsRequestIdAndPropagatedDownstreamAsTraceparent() {
        HttpResponse<String> response = get("/api/content/articles/shaxi");

        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(requestId).matches("[0-9a-f]{32}");
        assertThat(response.headers().allValues("X-Request-Id")).hasSize(1);
        String traceparent = CONTENT.received().get(0).header("traceparent");
        assertThat(traceparent)
                .as("W3C trace context sent downstream")
                .matches("00-" + requestId + "-[0-9a-f]{16}-0[01]");
    }

    @Test
    void incomingTraceparentIsContinued() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> response = send(request("/api/content/articles/shaxi")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .GET()
                .build());

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(traceId);
        assertThat(CONTENT.received().get(0).header("traceparent")).startsWith("00-" + traceId + "-");
    }

    @Test
    void errorsAnsweredByTheGatewayCarryTheRequestIdToo() {
        HttpResponse<String> response = get("/api/agent/leads");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
    }
}
