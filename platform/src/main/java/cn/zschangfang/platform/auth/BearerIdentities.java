package cn.zschangfang.platform.auth;

import static cn.zschangfang.platform.secrets.TokenHashes.sha256;

import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.problem.Problems;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Who a bearer token belongs to, the same way in every service that takes agents' tokens: the admin token is compared
 * locally in constant time; any other token is asked of notify-service ({@code GET {NOTIFY_URL}/internal/auth/agent}
 * with the same header), whose answer is cached for {@code cacheTtl} under the token's SHA-256, so the token itself
 * is never kept. A token notify refuses is a 401; notify unreachable is a 503 (not the caller's fault). Deactivating an
 * agent therefore takes effect within {@code cacheTtl}.
 */
public final class BearerIdentities {

    /** Who is calling: ADMIN (the admin token), or an agent with the role notify-service gave it. */
    public record Identity(String id, String name, Role role) {}

    public enum Role {
        ADMIN,
        MANAGER,
        AGENT
    }

    private static final Logger log = LoggerFactory.getLogger(BearerIdentities.class);
    private static final int CACHE_LIMIT = 10_000;

    private final byte[] adminToken;
    private final RestClient notify;
    private final Duration cacheTtl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public BearerIdentities(String adminToken, String notifyUrl, Duration cacheTtl, Clock clock) {
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.cacheTtl = cacheTtl;
        this.clock = clock;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(2000);
        factory.setReadTimeout(3000);
        this.notify =
                RestClient.builder().baseUrl(notifyUrl).requestFactory(factory).build();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AgentAnswer(String agentId, String name, String role) {}

    private record Cached(Identity identity, Instant until) {}

    /** The caller, or a 401 problem when the token is missing or not accepted (503 when notify cannot say). */
    public Identity require(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw ApiException.unauthorized();
        }
        String token = header.substring(7).strip();
        if (MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
            return new Identity("admin", "admin", Role.ADMIN);
        }
        String key = sha256(token);
        Cached cached = cache.get(key);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached.identity();
        }
        Identity identity = askNotify(header);
        if (cache.size() >= CACHE_LIMIT) {
            cache.entrySet().removeIf(e -> !e.getValue().until().isAfter(clock.instant()));
        }
        cache.put(key, new Cached(identity, clock.instant().plus(cacheTtl)));
        return identity;
    }

    private Identity askNotify(String authorization) {
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
        Role role = "MANAGER".equals(answer.role()) ? Role.MANAGER : Role.AGENT;
        return new Identity(answer.agentId(), answer.name(), role);
    }
}
