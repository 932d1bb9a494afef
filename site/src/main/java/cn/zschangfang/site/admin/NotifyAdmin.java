package cn.zschangfang.site.admin;

import static cn.zschangfang.site.admin.Calls.call;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * notify-service's agent admin API ({@code /api/notify/agents}, ADMIN token; see notify-service/README.md). An agent
 * comes back as {@code {id, agent: {…the flat AgentSpec…}, hasToken, createdAt, updatedAt}}.
 */
class NotifyAdmin {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> ARRAY =
            new ParameterizedTypeReference<>() {};

    /** What checking an entered admin token came to. */
    enum TokenCheck {
        VALID,
        WRONG,
        UNAVAILABLE
    }

    private final RestClient http;

    NotifyAdmin(RestClient http) {
        this.http = http;
    }

    /**
     * Whether notify takes this bearer as the admin token: the cheapest admin-only read. The token is never logged
     * nor kept anywhere but the server-side session.
     */
    TokenCheck checkAdminToken(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return TokenCheck.WRONG;
        }
        try {
            http.get()
                    .uri("/api/notify/agents")
                    .headers(h -> h.setBearerAuth(token.strip()))
                    .retrieve()
                    .toBodilessEntity();
            return TokenCheck.VALID;
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            return status == 401 || status == 403 ? TokenCheck.WRONG : TokenCheck.UNAVAILABLE;
        } catch (RestClientException e) {
            return TokenCheck.UNAVAILABLE;
        }
    }

    List<Map<String, Object>> agents(String token) {
        List<Map<String, Object>> agents = call(() -> http.get()
                .uri("/api/notify/agents")
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .body(ARRAY));
        return agents == null ? List.of() : agents;
    }

    Map<String, Object> agent(String token, String id) {
        return call(() -> http.get()
                .uri("/api/notify/agents/{id}", id)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .body(OBJECT));
    }

    Map<String, Object> create(String token, Map<String, Object> spec) {
        return call(() -> http.post()
                .uri("/api/notify/agents")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .body(spec)
                .retrieve()
                .body(OBJECT));
    }

    Map<String, Object> update(String token, String id, Map<String, Object> spec) {
        return call(() -> http.put()
                .uri("/api/notify/agents/{id}", id)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .body(spec)
                .retrieve()
                .body(OBJECT));
    }

    /** {@code {results: [{channel, status, detail}]}}: one test message through each configured channel. */
    Map<String, Object> testMessage(String token, String id) {
        return call(() -> http.post()
                .uri("/api/notify/agents/{id}/test-message", id)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .body(OBJECT));
    }
}
