package cn.zschangfang.notify.signin;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.escalation.Escalations;
import cn.zschangfang.notify.routing.LeadCases;
import cn.zschangfang.notify.web.BearerAuthInterceptor;
import cn.zschangfang.platform.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shared pool as the site's inbox shows it, with the agent's session token as bearer: {@code GET
 * /internal/signin/pool} lists the open shared-pool leads this agent was sent and nobody has claimed (masked, as on
 * Kafka: lead-service knows them only once claimed); {@code POST /internal/signin/pool/{leadId}/claim} claims one
 * exactly as the acknowledgement link does (first one wins).
 */
@RestController
public class SharedPoolController {

    /** One claimable lead (masked contact). */
    public record PoolLead(
            String leadId,
            Instant receivedAt,
            String intent,
            String propertyType,
            String town,
            String company,
            String phoneMasked,
            Integer score) {}

    private final SigninService signin;
    private final LeadCases cases;
    private final Escalations escalations;

    public SharedPoolController(SigninService signin, LeadCases cases, Escalations escalations) {
        this.signin = signin;
        this.cases = cases;
        this.escalations = escalations;
    }

    @GetMapping(path = "/internal/signin/pool", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<PoolLead> pool(HttpServletRequest request) {
        Agent agent = agent(request);
        return cases.unclaimedPoolLeads(agent.id()).stream()
                .filter(lc -> lc.lead() != null)
                .map(lc -> new PoolLead(
                        lc.leadId(),
                        lc.lead().capturedAt(),
                        lc.lead().intent(),
                        lc.lead().propertyType(),
                        lc.lead().town(),
                        lc.lead().company(),
                        lc.lead().phoneMasked(),
                        lc.lead().score()))
                .toList();
    }

    @PostMapping(path = "/internal/signin/pool/{leadId}/claim", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, String> claim(@PathVariable String leadId, HttpServletRequest request) {
        Agent agent = agent(request);
        if (leadId == null || !leadId.matches("[A-Za-z0-9-]{1,64}")) {
            throw ApiException.notFound();
        }
        return switch (escalations.acknowledge(leadId, agent.id())) {
            case ACKNOWLEDGED, ALREADY_ACKNOWLEDGED -> Map.of("outcome", "CLAIMED");
            case TAKEN_BY_OTHER -> throw ApiException.conflict("此询盘已由其他同事认领");
            case UNKNOWN_LEAD -> throw ApiException.notFound();
        };
    }

    private Agent agent(HttpServletRequest request) {
        return signin.sessionAgent(BearerAuthInterceptor.bearer(request)).orElseThrow(ApiException::unauthorized);
    }
}
