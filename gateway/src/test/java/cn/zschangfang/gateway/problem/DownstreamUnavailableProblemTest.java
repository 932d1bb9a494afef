package cn.zschangfang.gateway.problem;

import static cn.zschangfang.platform.test.ProblemContract.assertProblem;

import cn.zschangfang.gateway.support.StubService;
import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.test.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A service behind the gateway that refuses connections is a 503 problem with Retry-After. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DownstreamUnavailableProblemTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void deadDownstreams(DynamicPropertyRegistry registry) {
        String dead = "http://127.0.0.1:" + StubService.closedPort();
        registry.add("CONTENT_URL", () -> dead);
        registry.add("LEAD_URL", () -> dead);
        registry.add("NOTIFY_URL", () -> dead);
        registry.add("ADMIN_TOKEN", () -> "down-test-admin-token");
        registry.add("INTEGRATION_API_KEYS", () -> "partner=down-test-key");
    }

    @Test
    void aServiceThatIsDownIs503() {
        assertProblem(new Http(port).get("/api/content/articles"), ProblemType.UNAVAILABLE);
    }
}
