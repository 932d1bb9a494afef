package cn.zschangfang.site.agent;

import cn.zschangfang.site.api.LeadClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * lead-service's agent desk, called with the signed-in agent's bearer token (notify's session token): the lead
 * service itself decides what this agent may see and do.
 */
@Component
public class AgentLeads {

    /** lead-service refused the agent's token (revoked, expired, agent deactivated): the session is over. */
    public static class SignedOut extends RuntimeException {
        SignedOut() {
            super("signed out", null, false, false);
        }
    }

    /** A refused change; the message is a short code the page turns into Chinese. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final RestClient http;

    public AgentLeads(LeadClient leads) {
        this.http = leads.http();
    }

    public List<LeadRecords.Summary> mine(SiteSession session) {
        return call(() -> http.get()
                .uri("/api/agent/leads")
                .headers(h -> h.setBearerAuth(session.apiToken()))
                .retrieve()
                .body(new ParameterizedTypeReference<List<LeadRecords.Summary>>() {}));
    }

    public Optional<LeadRecords.Detail> detail(SiteSession session, String id) {
        try {
            return Optional.ofNullable(call(() -> http.get()
                    .uri("/api/leads/{id}", id)
                    .headers(h -> h.setBearerAuth(session.apiToken()))
                    .retrieve()
                    .body(LeadRecords.Detail.class)));
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void acknowledge(SiteSession session, String id) {
        post(session, "/api/agent/leads/{id}/ack", id, Map.of());
    }

    public void changeStatus(SiteSession session, String id, String status, String note) {
        post(
                session,
                "/api/agent/leads/{id}/status",
                id,
                note == null ? Map.of("status", status) : Map.of("status", status, "note", note));
    }

    public void addNote(SiteSession session, String id, String note) {
        post(session, "/api/agent/leads/{id}/notes", id, Map.of("note", note));
    }

    public LeadRecords.Contact revealContact(SiteSession session, String id) {
        return call(() -> http.post()
                .uri("/api/agent/leads/{id}/contact", id)
                .headers(h -> h.setBearerAuth(session.apiToken()))
                .retrieve()
                .body(LeadRecords.Contact.class));
    }

    private void post(SiteSession session, String path, String id, Map<String, String> body) {
        try {
            call(() -> http.post()
                    .uri(path, id)
                    .headers(h -> h.setBearerAuth(session.apiToken()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .toBodilessEntity());
        } catch (RestClientResponseException e) {
            HttpStatusCode status = e.getStatusCode();
            if (status.value() == 409) {
                throw new Refused("conflict");
            }
            if (status.value() == 400) {
                throw new Refused("invalid");
            }
            if (status.value() == 404) {
                throw new Refused("gone");
            }
            throw e;
        }
    }

    private static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                throw new SignedOut();
            }
            throw e;
        }
    }
}
