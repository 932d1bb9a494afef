package cn.zschangfang.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotStubTest {

    private static final String LEAD = "594f4862-693e-411e-94d7-0e3de73bcfc2";

    @Test
    void recordsAChunkedMarkdownMessageWithTheLeadItNames() throws Exception {
        try (RobotStub robots = new RobotStub()) {
            byte[] body = ("{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"## 新询盘 [查看](http://x/api/leads/"
                            + LEAD + ")\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(robots.url("a1")))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    // Unknown length: the JDK client sends it chunked.
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build();

            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.body()).contains("\"errcode\":0");
            assertThat(robots.messagesFor(LEAD)).singleElement().satisfies(m -> {
                assertThat(m.robot()).isEqualTo("a1");
                assertThat(m.msgtype()).isEqualTo("markdown");
            });
        }
    }

    @Test
    void aRateLimitedRobotAnswersErrcode45009AndRecordsNothing() throws Exception {
        try (RobotStub robots = new RobotStub()) {
            robots.mode(RobotStub.Mode.RATE_LIMITED);
            HttpRequest request = HttpRequest.newBuilder(URI.create(robots.url("a1")))
                    .timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + LEAD + "\"}}"))
                    .build();

            HttpResponse<String> reply = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(reply.body()).contains("45009");
            assertThat(robots.messages()).isEmpty();
            assertThat(robots.refused(RobotStub.Mode.RATE_LIMITED)).isEqualTo(1);
        }
    }
}
