package cn.zschangfang.lead.access;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.platform.auth.BearerIdentities;
import cn.zschangfang.platform.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Resolves the bearer token into the lead API's {@link Caller}: the admin token, or an agent or manager verified by
 * notify-service and cached briefly ({@link BearerIdentities}, shared with the other services that take agents'
 * tokens).
 */
@Component
public class Callers {

    private final BearerIdentities identities;

    public Callers(LeadProperties properties, Clock clock) {
        this.identities = new BearerIdentities(
                properties.adminToken(), properties.notifyUrl(), properties.agentTokenCacheTtl(), clock);
    }

    /** The caller, or a 401 ProblemDetail when the token is missing or not accepted. */
    public Caller require(HttpServletRequest request) {
        BearerIdentities.Identity identity = identities.require(request);
        Caller.Role role = switch (identity.role()) {
            case ADMIN -> Caller.Role.ADMIN;
            case MANAGER -> Caller.Role.MANAGER;
            case AGENT -> Caller.Role.AGENT;
        };
        return new Caller(identity.id(), identity.name(), role);
    }

    public Caller requireManager(HttpServletRequest request) {
        Caller caller = require(request);
        if (!caller.seesAll()) {
            throw ApiException.forbidden();
        }
        return caller;
    }

    public Caller requireAdmin(HttpServletRequest request) {
        Caller caller = require(request);
        if (caller.role() != Caller.Role.ADMIN) {
            throw ApiException.forbidden();
        }
        return caller;
    }
}
