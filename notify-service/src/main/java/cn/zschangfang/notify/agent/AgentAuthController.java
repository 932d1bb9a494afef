package cn.zschangfang.notify.agent;

import cn.zschangfang.notify.web.BearerAuthInterceptor;
import cn.zschangfang.platform.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Token introspection for lead-service and the gateway: {@code GET /internal/auth/agent} with the caller's
 * {@code Authorization} header → {@code {agentId, name, role}} or 401. Never routed by the gateway.
 */
@RestController
public class AgentAuthController {

    /** Who a valid agent token names. */
    public record AgentIdentity(String agentId, String name, String role) {}

    private final AgentRegistry registry;

    public AgentAuthController(AgentRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/internal/auth/agent")
    public AgentIdentity whoAmI(HttpServletRequest request) {
        String token = BearerAuthInterceptor.bearer(request);
        if (token == null || token.length() > 200) {
            throw ApiException.unauthorized();
        }
        return registry.byToken(token)
                .map(a -> new AgentIdentity(a.id(), a.name(), a.spec().role().name()))
                .orElseThrow(ApiException::unauthorized);
    }
}
