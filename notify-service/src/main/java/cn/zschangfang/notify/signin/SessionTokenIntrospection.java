package cn.zschangfang.notify.signin;

import cn.zschangfang.notify.web.BearerAuthInterceptor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes site session tokens ({@code ags_…}) valid wherever agent tokens are: lead-service and the gateway verify a
 * bearer with {@code GET /internal/auth/agent}, and this filter answers that call for session tokens with the same
 * {@code {agentId, name, role}} (or 401) before the agent registry's controller sees it. Every other token passes
 * through untouched. A filter rather than a change to the agent package keeps sign-in additive and acyclic.
 */
@Configuration(proxyBeanMethods = false)
public class SessionTokenIntrospection {

    static final String PATH = "/internal/auth/agent";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> signinSessionIntrospection(SigninService signin) {
        JsonMapper json = JsonMapper.builder().build();
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String token = BearerAuthInterceptor.bearer(request);
                return !PATH.equals(request.getRequestURI())
                        || token == null
                        || !token.startsWith(SigninTokens.SESSION_PREFIX);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                    throws ServletException, IOException {
                var agent = signin.sessionAgent(BearerAuthInterceptor.bearer(req));
                res.setCharacterEncoding(StandardCharsets.UTF_8.name());
                if (agent.isEmpty()) {
                    res.setStatus(401);
                    res.setContentType("application/problem+json");
                    res.getWriter()
                            .write("{\"type\":\"https://zschangfang.cn/problems/unauthorized\","
                                    + "\"title\":\"Missing or invalid bearer token\",\"status\":401}");
                    return;
                }
                Map<String, String> body = new LinkedHashMap<>();
                body.put("agentId", agent.get().id());
                body.put("name", agent.get().name());
                body.put("role", agent.get().spec().role().name());
                res.setStatus(200);
                res.setContentType("application/json");
                res.getWriter().write(json.writeValueAsString(body));
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(PATH);
        return registration;
    }
}
