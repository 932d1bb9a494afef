package cn.zschangfang.site.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * notify-service's internal sign-in API (package {@code cn.zschangfang.notify.signin}), server to server with the
 * admin bearer token.
 */
@Component
public class NotifySignin {

    /** What asking for a link came to. */
    public enum Outcome {
        SENT,
        INVALID_MOBILE,
        TOO_MANY,
        UNAVAILABLE
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Redemption(
            String agentId, String name, String role, String apiToken, Instant expiresAt, String leadId) {}

    private final RestClient notify;
    private final AgentProperties properties;

    public NotifySignin(@Qualifier("notifyRestClient") RestClient notify, AgentProperties properties) {
        this.notify = notify;
        this.properties = properties;
    }

    public Outcome requestLink(String mobile) {
        try {
            notify.post()
                    .uri("/internal/signin/requests")
                    .headers(h -> h.setBearerAuth(properties.serviceToken()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("mobile", mobile == null ? "" : mobile))
                    .retrieve()
                    .toBodilessEntity();
            return Outcome.SENT;
        } catch (RestClientResponseException e) {
            return switch (e.getStatusCode().value()) {
                case 400 -> Outcome.INVALID_MOBILE;
                case 429 -> Outcome.TOO_MANY;
                default -> Outcome.UNAVAILABLE;
            };
        } catch (RestClientException e) {
            return Outcome.UNAVAILABLE;
        }
    }

    /** Empty for an unknown, used or expired link. */
    public Optional<Redemption> redeem(String token) {
        try {
            return Optional.ofNullable(notify.post()
                    .uri("/internal/signin/redemptions")
                    .headers(h -> h.setBearerAuth(properties.serviceToken()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("token", token))
                    .retrieve()
                    .body(Redemption.class));
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 401) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A shared-pool lead this agent may claim (masked: lead-service shows it only once claimed). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PoolLead(
            String leadId,
            Instant receivedAt,
            String intent,
            String propertyType,
            String town,
            String company,
            String phoneMasked,
            Integer score) {}

    /** Empty when notify cannot be asked: the inbox shows the agent's own leads regardless. */
    public java.util.List<PoolLead> pool(String apiToken) {
        try {
            PoolLead[] leads = notify.get()
                    .uri("/internal/signin/pool")
                    .headers(h -> h.setBearerAuth(apiToken))
                    .retrieve()
                    .body(PoolLead[].class);
            return leads == null ? java.util.List.of() : java.util.List.of(leads);
        } catch (RestClientException e) {
            return java.util.List.of();
        }
    }

    /** True when this agent now has the lead; false when a colleague was faster. */
    public boolean claim(String apiToken, String leadId) {
        try {
            notify.post()
                    .uri("/internal/signin/pool/{id}/claim", leadId)
                    .headers(h -> h.setBearerAuth(apiToken))
                    .retrieve()
                    .toBodilessEntity();
            return true;
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 409 || e.getStatusCode().value() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Best effort: an unreachable notify leaves the token to expire on its own. */
    public void signOut(String apiToken) {
        try {
            notify.delete()
                    .uri("/internal/signin/session")
                    .headers(h -> h.setBearerAuth(apiToken))
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientException e) {
            // the site session is gone regardless
        }
    }
}
