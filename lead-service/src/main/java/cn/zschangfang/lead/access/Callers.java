package cn.zschangfang.lead.access;

import static cn.zschangfang.platform.secrets.TokenHashes.sha256;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.problem.Problems;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Resolves the bearer token: the admin token locally (constant-time compare), anything else by asking
 * notify-service ({@code GET {NOTIFY_URL}/internal/auth/agent}), whose answer is cached briefly under the token's
 * SHA-256 so the token itself is never kept.
 */
@Component
public class Callers {

    private static final Logger log = LoggerFactory.getLogger(Callers.class);

    private final byte[] adminToken;
    private final RestClient notify;
    private final LeadProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public Callers(LeadProperties properties, Clock clock) {
        this.adminToken = properties.adminToken().getBytes(StandardCharsets.UTF_8);
        this.properties = properties;
        this.clock = clock;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(2000);
        factory.setReadTimeout(3000);
        this.notify = RestClient.builder()
                .baseUrl(properties.notifyUrl())
                .requestFactory(factory)
                .build();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AgentAnswer(String agentId, String name, String role) {}

    private record Cached(Caller caller, Instant until) {}

    /** The caller, or a 401 ProblemDetail when the token is missing or not accepted. */
    public Caller require(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw ApiException.unauthorized();
        }
        String token = header.substring(7).strip();
        if (MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
            return new Caller("admin", "admin", Caller.Role.ADMIN);
        }
        String key = sha256(token);
        Cached cached = cache.get(key);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached.caller();
        }
        Caller caller = askNotify(header);
        cache.put(key, new Cached(caller, clock.instant().plus(properties.agentTokenCacheTtl())));
        if (cache.size() > 10_000) {
            cache.entrySet().removeIf(e -> e.getValue().until().isBefore(clock.instant()));
        }
        return caller;
    }

    public Caller requireManager(HttpServletRequest request) {
        Caller caller = require(request);
        if (!caller.seesAll()) {
            throw ApiException.forbidden();
        }
        return caller;
    }

    public Caller requireAdmin(HttpServletRequest request) {
        Caller caller = require(request);
        if (caller.role() != Caller.Role.ADMIN) {
            throw ApiException.forbidden();
        }
        return caller;
    }

    private Caller askNotify(String authorization) {
        AgentAnswer answer;
        try {
            answer = notify.get()
                    .uri("/internal/auth/agent")
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .retrieve()
                    .onStatus(HttpStatusCode::is4xxClientError, (req, res) -> {
                        throw ApiException.unauthorized();
                    })
                    .body(AgentAnswer.class);
        } catch (ApiException e) {
            throw e;
        } catch (RestClientException e) {
            log.warn(
                    "agent token check at notify-service failed: {}",
                    e.getClass().getSimpleName());
            throw new ApiException(ProblemType.UNAVAILABLE, "身份验证服务暂时不可用", List.of(), Problems.RETRY_AFTER);
        }
        if (answer == null || answer.agentId() == null) {
            throw ApiException.unauthorized();
        }
        Caller.Role role = "MANAGER".equals(answer.role()) ? Caller.Role.MANAGER : Caller.Role.AGENT;
        return new Caller(answer.agentId(), answer.name(), role);
    }
}
