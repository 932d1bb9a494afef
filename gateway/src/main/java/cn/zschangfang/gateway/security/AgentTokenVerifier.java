package cn.zschangfang.gateway.security;

import static cn.zschangfang.platform.secrets.TokenHashes.sha256;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Verifies agent bearer tokens with notify-service ({@code GET /internal/auth/agent}, same Authorization header) and
 * caches the answer briefly, keyed by the token's SHA-256 so the cache never holds a token itself.
 *
 * <p>A deactivated agent's token therefore keeps working at the edge for at most {@code agentCacheTtl}; the services
 * check again on every call, so nothing they protect is exposed for longer.
 */
public class AgentTokenVerifier {

    /** notify-service could not be asked: the caller answers 503 rather than pretending the token is invalid. */
    public static class VerificationUnavailableException extends RuntimeException {
        VerificationUnavailableException(Throwable cause) {
            super("agent token verification unavailable", cause);
        }
    }

    private final RestClient notify;
    private final Cache<String, Optional<AgentIdentity>> cache;

    public AgentTokenVerifier(RestClient notify, Duration positiveTtl, Duration negativeTtl) {
        this.notify = notify;
        this.cache = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfter(new Expiry<String, Optional<AgentIdentity>>() {
                    @Override
                    public long expireAfterCreate(String key, Optional<AgentIdentity> value, long currentTime) {
                        return (value.isPresent() ? positiveTtl : negativeTtl).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(
                            String key, Optional<AgentIdentity> value, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(
                            String key, Optional<AgentIdentity> value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** The agent behind {@code token}, or empty when notify-service rejects it. */
    public Optional<AgentIdentity> verify(String token) {
        return cache.get(sha256(token), key -> ask(token));
    }

    private Optional<AgentIdentity> ask(String token) {
        try {
            return notify.get()
                    .uri("/internal/auth/agent")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange((request, response) -> {
                        if (response.getStatusCode().isSameCodeAs(HttpStatus.OK)) {
                            AgentIdentity identity = response.bodyTo(AgentIdentity.class);
                            return Optional.ofNullable(identity).filter(AgentTokenVerifier::isKnownRole);
                        }
                        if (response.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)
                                || response.getStatusCode().isSameCodeAs(HttpStatus.FORBIDDEN)) {
                            return Optional.<AgentIdentity>empty();
                        }
                        throw new VerificationUnavailableException(null);
                    });
        } catch (RestClientException e) {
            throw new VerificationUnavailableException(e);
        }
    }

    private static boolean isKnownRole(AgentIdentity identity) {
        return identity.agentId() != null && ("AGENT".equals(identity.role()) || "MANAGER".equals(identity.role()));
    }
}
