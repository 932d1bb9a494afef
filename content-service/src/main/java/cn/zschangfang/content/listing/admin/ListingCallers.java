package cn.zschangfang.content.listing.admin;

import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.content.listing.ListingProperties;
import cn.zschangfang.platform.auth.BearerIdentities;
import cn.zschangfang.platform.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Who may edit listings: the admin token, or an agent token that notify-service says belongs to a MANAGER (verified
 * and cached by {@link BearerIdentities}, shared with the other services that take agents' tokens). An AGENT is
 * authenticated but not allowed (403).
 */
@Component
public class ListingCallers {

    private final BearerIdentities identities;

    public ListingCallers(ContentProperties content, ListingProperties properties, Clock clock) {
        this.identities = new BearerIdentities(
                content.adminToken(), properties.notifyUrl(), properties.agentTokenCacheTtl(), clock);
    }

    /** The caller, or a 401 (no or unknown token) / 403 (an agent who is not a manager) problem. */
    public Caller require(HttpServletRequest request) {
        BearerIdentities.Identity identity = identities.require(request);
        return switch (identity.role()) {
            case ADMIN -> new Caller(identity.id(), Caller.Role.ADMIN);
            case MANAGER -> new Caller(identity.id(), Caller.Role.MANAGER);
            case AGENT -> throw ApiException.forbidden();
        };
    }
}
