package cn.zschangfang.gateway.security;

import cn.zschangfang.gateway.routing.ProxyProperties;
import cn.zschangfang.platform.problem.ProblemResponseWriter;
import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.problem.Problems;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.client.RestClient;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Authorization at the edge. The services check the same token again (defence in depth) and enforce object-level
 * ownership (an agent reads only its own leads), which the gateway cannot know.
 *
 * <ul>
 *   <li>public: {@code POST /api/leads}, {@code GET /api/leads/challenge}, {@code GET /api/content/**} except admin
 *       and stats, {@code POST /api/content/articles/{slug}/views}, {@code GET /ack/**}, pages, Swagger UI, health;
 *   <li>MANAGER or ADMIN: {@code /api/content/stats/**} (traffic dashboards), {@code /api/content/admin/listings/**}
 *       (the listing back office);
 *   <li>AGENT or MANAGER: {@code /api/agent/**};
 *   <li>AGENT, MANAGER or ADMIN: the rest of {@code /api/leads/**} (list, detail, export, stats, status changes);
 *   <li>ADMIN: {@code /api/content/admin/**} and every other content write, {@code /api/notify/agents/**}, notify
 *       writes; MANAGER may also read {@code /api/notify/**};
 *   <li>{@code /api/notify/sandbox/**}: public only where {@code gateway.security.sandbox-public} (local stack).
 * </ul>
 *
 * Anything else that is not a GET is refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String MANAGER = Role.MANAGER.name();
    private static final String AGENT = Role.AGENT.name();

    /**
     * No observation of Spring Security's own filters: {@code management.observations.enable.spring.security=false}
     * only made their observations no-ops, while the chain was still wrapped filter by filter (two decorator calls
     * per filter and request, 13 % of the gateway's CPU per proxied GET in session 12's profile). The request's own
     * server observation and span, and the downstream client's, stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    IntegrationKeys integrationKeys(EdgeSecurityProperties properties, Environment environment) {
        IntegrationKeys keys = IntegrationKeys.parse(properties.integrationApiKeys());
        DevelopmentSecretsCheck.verify(environment, properties, keys);
        return keys;
    }

    @Bean
    AgentTokenVerifier agentTokenVerifier(
            RestClient.Builder builder, ProxyProperties proxy, EdgeSecurityProperties properties) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(Duration.ofSeconds(3));
        RestClient notify =
                builder.baseUrl(proxy.notifyUrl()).requestFactory(factory).build();
        return new AgentTokenVerifier(notify, properties.agentCacheTtl(), properties.agentNegativeCacheTtl());
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            EdgeSecurityProperties properties,
            AgentTokenVerifier agents,
            ProblemResponseWriter problems) {
        AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
            if (request.getAttribute(BearerTokenFilter.VERIFICATION_UNAVAILABLE) != null) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                problems.write(request, response, Problems.of(ProblemType.UNAVAILABLE, "暂时无法验证您的令牌，请稍后重试"));
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(request, response, Problems.of(ProblemType.UNAUTHORIZED, "需要有效的 Bearer 令牌"));
        };
        AccessDeniedHandler forbidden = (request, response, ex) ->
                problems.write(request, response, Problems.of(ProblemType.FORBIDDEN, "您的角色无权使用该接口"));
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(corsConfigurationSource(properties)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(properties.contentSecurityPolicy()))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                // The rate and size limits join this chain from package limit (a Customizer<HttpSecurity> bean that
                // Spring Security applies to every HttpSecurity), so security does not depend on limit.
                .addFilterBefore(
                        new BearerTokenFilter(properties.adminToken(), agents), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                            .permitAll()
                            .requestMatchers("/actuator/prometheus")
                            .permitAll()
                            .requestMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**")
                            .permitAll()
                            .requestMatchers("/error")
                            .permitAll()
                            // Leads
                            .requestMatchers("/api/agent/**")
                            .hasAnyRole(AGENT, MANAGER)
                            .requestMatchers(HttpMethod.POST, "/api/leads")
                            .permitAll()
                            .requestMatchers(HttpMethod.GET, "/api/leads/challenge")
                            .permitAll()
                            .requestMatchers("/api/leads/**")
                            .hasAnyRole(AGENT, MANAGER, ADMIN)
                            // Content
                            // The listing back office is also for managers (content-service checks again).
                            .requestMatchers("/api/content/admin/listings", "/api/content/admin/listings/**")
                            .hasAnyRole(MANAGER, ADMIN)
                            .requestMatchers("/api/content/admin/**")
                            .hasRole(ADMIN)
                            // Traffic figures of the business are for the managers' dashboards.
                            .requestMatchers("/api/content/stats/**")
                            .hasAnyRole(MANAGER, ADMIN)
                            .requestMatchers(HttpMethod.POST, "/api/content/articles/*/views")
                            .permitAll()
                            .requestMatchers(HttpMethod.GET, "/api/content/**")
                            .permitAll()
                            .requestMatchers("/api/content/**")
                            .hasRole(ADMIN);
                    // Notify
                    if (properties.sandboxPublic()) {
                        auth.requestMatchers("/api/notify/sandbox/**").permitAll();
                    }
                    auth.requestMatchers("/api/notify/agents/**")
                            .hasRole(ADMIN)
                            .requestMatchers(HttpMethod.GET, "/api/notify/**")
                            .hasAnyRole(MANAGER, ADMIN)
                            .requestMatchers("/api/notify/**")
                            .hasRole(ADMIN)
                            // Signed acknowledgement links opened from an agent's phone.
                            .requestMatchers(HttpMethod.GET, "/ack/**")
                            .permitAll()
                            // Pages and static assets.
                            .requestMatchers(HttpMethod.GET, "/**")
                            .permitAll()
                            // Every API path has a rule above, so this only reaches pages, docs and unknown paths.
                            .requestMatchers(HttpMethod.HEAD, "/**")
                            .permitAll()
                            // The site's signed-in forms: the site checks its own session and CSRF token.
                            .requestMatchers(HttpMethod.POST, "/agent/**")
                            .permitAll()
                            // The back office's forms (site.admin): same, the site checks its session and CSRF token.
                            .requestMatchers(HttpMethod.POST, "/admin/**")
                            .permitAll()
                            .anyRequest()
                            .denyAll();
                });
        return http.build();
    }

    static CorsConfigurationSource corsConfigurationSource(EdgeSecurityProperties properties) {
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(properties.siteOrigins().stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList());
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        api.setAllowedHeaders(List.of(
                HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION, "X-Request-Id", "traceparent", "tracestate"));
        api.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Request-Id"));
        api.setAllowCredentials(false);
        api.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        source.registerCorsConfiguration("/ack/**", api);
        return source;
    }
}
