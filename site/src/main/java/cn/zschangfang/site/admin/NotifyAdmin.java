package cn.zschangfang.site.admin;

import static cn.zschangfang.site.admin.Calls.call;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
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
        return bodiless(HttpMethod.GET, token, "/api/notify/agents/{id}", id);
    }

    Map<String, Object> create(String token, Map<String, Object> spec) {
        return send(HttpMethod.POST, token, "/api/notify/agents", spec);
    }

    Map<String, Object> update(String token, String id, Map<String, Object> spec) {
        return send(HttpMethod.PUT, token, "/api/notify/agents/{id}", spec, id);
    }

    /** {@code {results: [{channel, status, detail}]}}: one test message through each configured channel. */
    Map<String, Object> testMessage(String token, String id) {
        return bodiless(HttpMethod.POST, token, "/api/notify/agents/{id}/test-message", id);
    }

    private Map<String, Object> bodiless(HttpMethod method, String token, String path, Object... variables) {
        return call(() -> http.method(method)
                .uri(path, variables)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .body(OBJECT));
    }

    private Map<String, Object> send(
            HttpMethod method, String token, String path, Map<String, Object> spec, Object... variables) {
        return call(() -> http.method(method)
                .uri(path, variables)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .body(spec)
                .retrieve()
                .body(OBJECT));
    }
}
