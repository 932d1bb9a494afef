package cn.zschangfang.gateway.security;

import cn.zschangfang.gateway.problem.ProblemResponseWriter;
import cn.zschangfang.gateway.problem.Problems;
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
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer <token>} into an authenticated principal: the configured admin token is ADMIN,
 * any other token is asked of notify-service (AGENT or MANAGER). An unknown token leaves the request anonymous, so
 * protected paths answer 401 and public ones still work. The header itself is forwarded downstream unchanged: each
 * service checks it again.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String PREFIX = "Bearer ";

    private final byte[] adminToken;
    private final AgentTokenVerifier agents;
    private final ProblemResponseWriter problems;

    public BearerTokenFilter(String adminToken, AgentTokenVerifier agents, ProblemResponseWriter problems) {
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.agents = agents;
        this.problems = problems;
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
                    log.warn("Agent token could not be verified: notify-service unavailable");
                    response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                    problems.write(
                            request,
                            response,
                            Problems.of(
                                    HttpStatus.SERVICE_UNAVAILABLE,
                                    "service-unavailable",
                                    "Service Unavailable",
                                    "Your token cannot be verified right now; retry later."));
                    return;
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
