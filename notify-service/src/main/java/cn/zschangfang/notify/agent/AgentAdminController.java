package cn.zschangfang.notify.agent;

import cn.zschangfang.platform.problem.ApiException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agents admin API ({@code Authorization: Bearer <ADMIN_TOKEN>}, enforced by the web config). Every change is
 * recorded in the agent's audit ({@code GET /api/notify/agents/{id}/audit}).
 */
@RestController
public class AgentAdminController {

    private final AgentRegistry registry;
    private final AgentAudit audit;

    public AgentAdminController(AgentRegistry registry, AgentAudit audit) {
        this.registry = registry;
        this.audit = audit;
    }

    /** Creates an agent; the answer carries its API token, shown this once only. */
    @PostMapping(path = "/api/notify/agents", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AgentView> create(@Valid @RequestBody AgentSpec spec) {
        AgentRegistry.Created created = registry.create(spec);
        audit.record(created.agent().id(), "CREATED", List.of());
        return ResponseEntity.created(
                        URI.create("/api/notify/agents/" + created.agent().id()))
                .body(AgentView.of(created.agent(), created.token()));
    }

    @GetMapping("/api/notify/agents")
    public List<AgentView> list() {
        return registry.all().stream().map(a -> AgentView.of(a, null)).toList();
    }

    @GetMapping("/api/notify/agents/{id}")
    public AgentView get(@PathVariable String id) {
        return registry.find(id).map(a -> AgentView.of(a, null)).orElseThrow(() -> ApiException.notFound());
    }

    /** Replaces the agent's attributes; {@code active: false} revokes its token. */
    @PutMapping(path = "/api/notify/agents/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public AgentView update(@PathVariable String id, @Valid @RequestBody AgentSpec spec) {
        Agent updated = registry.update(id, spec);
        audit.record(id, "UPDATED", List.of());
        return AgentView.of(updated, null);
    }

    /** Deactivates the agent (kept for history) and revokes its token. */
    @DeleteMapping("/api/notify/agents/{id}")
    public ResponseEntity<Void> deactivate(@PathVariable String id) {
        registry.deactivate(id);
        audit.record(id, "DEACTIVATED", List.of());
        return ResponseEntity.noContent().build();
    }

    /** Issues a new API token (the previous one stops working). */
    @PostMapping("/api/notify/agents/{id}/token")
    public Map<String, String> rotate(@PathVariable String id) {
        String token = registry.rotateToken(id);
        audit.record(id, "TOKEN_ROTATED", List.of());
        return Map.of("token", token);
    }
}
