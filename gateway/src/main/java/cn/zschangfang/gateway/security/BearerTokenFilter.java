package cn.zschangfang.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer <token>} into an authenticated principal: the configured admin token is ADMIN,
 * any other token is asked of notify-service (AGENT or MANAGER). An unknown token leaves the request anonymous, so
 * protected paths answer 401 and public ones still work. When notify-service cannot be asked, the request also goes
 * on anonymously but is marked, so a protected path answers 503 instead of 401. The header itself is forwarded
 * downstream unchanged: each service checks it again.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String PREFIX = "Bearer ";

    /** Request attribute set when a token was presented but notify-service could not be asked about it. */
    public static final String VERIFICATION_UNAVAILABLE = BearerTokenFilter.class.getName() + ".unavailable";

    private final byte[] adminToken;
    private final AgentTokenVerifier agents;

    public BearerTokenFilter(String adminToken, AgentTokenVerifier agents) {
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.agents = agents;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            String token = header.substring(PREFIX.length()).trim();
            if (!token.isEmpty()) {
                Optional<UsernamePasswordAuthenticationToken> authentication;
                try {
                    authentication = authenticate(token);
                } catch (AgentTokenVerifier.VerificationUnavailableException e) {
                    // Public paths still work anonymously; a protected one answers 503, not a misleading 401.
                    log.warn("Agent token could not be verified: notify-service unavailable");
                    request.setAttribute(VERIFICATION_UNAVAILABLE, Boolean.TRUE);
                    authentication = Optional.empty();
                }
                authentication.ifPresent(a -> {
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(a);
                    SecurityContextHolder.setContext(context);
                });
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<UsernamePasswordAuthenticationToken> authenticate(String token) {
        if (MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(UsernamePasswordAuthenticationToken.authenticated(
                    "admin", null, List.of(new SimpleGrantedAuthority("ROLE_" + Role.ADMIN))));
        }
        return agents.verify(token)
                .map(agent -> UsernamePasswordAuthenticationToken.authenticated(
                        agent.agentId(), null, List.of(new SimpleGrantedAuthority("ROLE_" + agent.role()))));
    }
}
