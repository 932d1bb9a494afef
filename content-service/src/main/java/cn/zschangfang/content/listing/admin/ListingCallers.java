package cn.zschangfang.content.listing.admin;

import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.content.listing.ListingProperties;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.problem.Problems;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
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
 * Who may edit listings: the admin token (constant-time compare), or an agent token that notify-service ({@code GET
 * {NOTIFY_URL}/internal/auth/agent}) says belongs to a MANAGER. Notify's answer is cached briefly under the token's
 * SHA-256, so the token itself is never kept. An AGENT is authenticated but not allowed (403).
 */
@Component
public class ListingCallers {

    private static final Logger log = LoggerFactory.getLogger(ListingCallers.class);
    private static final int CACHE_LIMIT = 10_000;

    private final byte[] adminToken;
    private final RestClient notify;
    private final ListingProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ListingCallers(ContentProperties content, ListingProperties properties, Clock clock) {
        this.adminToken = content.adminToken().getBytes(StandardCharsets.UTF_8);
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

    /** An agent's answer: {@code caller} null for an AGENT (authenticated, not allowed). */
    private record Cached(Caller caller, Instant until) {}

    /** The caller, or a 401 (no or unknown token) / 403 (an agent who is not a manager) problem. */
    public Caller require(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw ApiException.unauthorized();
        }
        String token = header.substring(7).strip();
        if (MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
            return new Caller("admin", Caller.Role.ADMIN);
        }
        String key = sha256(token);
        Cached cached = cache.get(key);
        if (cached == null || !cached.until().isAfter(clock.instant())) {
            cached = new Cached(askNotify(header), clock.instant().plus(properties.agentTokenCacheTtl()));
            if (cache.size() >= CACHE_LIMIT) {
                cache.entrySet().removeIf(e -> !e.getValue().until().isAfter(clock.instant()));
            }
            cache.put(key, cached);
        }
        if (cached.caller() == null) {
            throw ApiException.forbidden();
        }
        return cached.caller();
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
        return "MANAGER".equals(answer.role()) ? new Caller(answer.agentId(), Caller.Role.MANAGER) : null;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
