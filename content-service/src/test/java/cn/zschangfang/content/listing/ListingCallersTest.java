package cn.zschangfang.content.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.content.listing.admin.Caller;
import cn.zschangfang.content.listing.admin.ListingCallers;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.ProblemType;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/** Admin token locally; agent tokens asked of a stand-in for notify-service's {@code /internal/auth/agent}. */
class ListingCallersTest {

    private HttpServer notify;
    private final AtomicInteger asked = new AtomicInteger();
    private ListingCallers callers;

    @BeforeEach
    void startNotify() throws Exception {
        notify = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notify.createContext("/internal/auth/agent", exchange -> {
            asked.incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String body = switch (auth) {
                case "Bearer manager-token" -> "{\"agentId\":\"demo-geyiming\",\"name\":\"葛一鸣\",\"role\":\"MANAGER\"}";
                case "Bearer agent-token" -> "{\"agentId\":\"demo-liwei\",\"name\":\"李伟\",\"role\":\"AGENT\"}";
                default -> null;
            };
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 401 : 200, body == null ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        notify.start();
        // Mocked rather than constructed: only the admin token matters here, whatever else the record gains.
        ContentProperties content = mock(ContentProperties.class);
        when(content.adminToken()).thenReturn("admin-secret");
        ListingProperties properties = new ListingProperties(
                "http://127.0.0.1:" + notify.getAddress().getPort(),
                Duration.ofSeconds(30),
                new ListingProperties.Photos(
                        ListingProperties.Storage.GRIDFS,
                        Path.of("x"),
                        DataSize.ofMegabytes(10),
                        1000,
                        30,
                        480,
                        1280,
                        0.85),
                new ListingProperties.Outbox(false, Duration.ofSeconds(5), Duration.ofSeconds(3)));
        callers = new ListingCallers(content, properties, Clock.systemUTC());
    }

    @AfterEach
    void stopNotify() {
        notify.stop(0);
    }

    private static MockHttpServletRequest bearer(String token) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer " + token);
        return request;
    }

    @Test
    void theAdminTokenIsAdminWithoutAskingNotify() {
        assertThat(callers.require(bearer("admin-secret"))).isEqualTo(new Caller("admin", Caller.Role.ADMIN));
        assertThat(asked).hasValue(0);
    }

    @Test
    void aManagersTokenIsAcceptedAndNotifysAnswerIsCached() {
        assertThat(callers.require(bearer("manager-token")))
                .isEqualTo(new Caller("demo-geyiming", Caller.Role.MANAGER));
        assertThat(callers.require(bearer("manager-token")).id()).isEqualTo("demo-geyiming");
        assertThat(asked).hasValue(1);
    }

    @Test
    void anAgentWhoIsNoManagerIs403AndAnUnknownTokenIs401() {
        assertThat(catchThrowableOfType(ApiException.class, () -> callers.require(bearer("agent-token")))
                        .type())
                .isEqualTo(ProblemType.FORBIDDEN);
        assertThat(catchThrowableOfType(ApiException.class, () -> callers.require(bearer("stolen")))
                        .type())
                .isEqualTo(ProblemType.UNAUTHORIZED);
        assertThat(catchThrowableOfType(ApiException.class, () -> callers.require(new MockHttpServletRequest()))
                        .type())
                .isEqualTo(ProblemType.UNAUTHORIZED);
    }

    @Test
    void anUnreachableNotifyIs503NotAnUnauthorizedCaller() {
        notify.stop(0);
        assertThat(catchThrowableOfType(ApiException.class, () -> callers.require(bearer("manager-token")))
                        .type())
                .isEqualTo(ProblemType.UNAVAILABLE);
        assertThat(asked).hasValue(0);
    }
}
