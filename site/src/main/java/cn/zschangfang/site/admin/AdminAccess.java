package cn.zschangfang.site.admin;

import cn.zschangfang.site.agent.BrowserSessions;
import cn.zschangfang.site.agent.SiteSession;
import cn.zschangfang.site.web.CachePolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards {@code /admin/**} with the site's server-side sessions (the same cookie and store as the inbox): no session →
 * the admin sign-in page (401 for a POST); an agent's session → 403; a MANAGER only where {@link AdminRole#mayOpen}
 * says; every state-changing request carries the session's synchronizer token ({@code _csrf} or {@code
 * X-CSRF-Token}). Exposes the session as {@value #SESSION} and the role as {@value #ROLE}.
 */
@Component
class AdminAccess implements HandlerInterceptor {

    static final String SESSION = "adminSession";
    static final String ROLE = "adminRole";

    private final BrowserSessions sessions;

    AdminAccess(BrowserSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        // nothing of the back office belongs in a cache or a search index, not even the refusals
        response.setHeader("Cache-Control", CachePolicy.PERSONAL.getHeaderValue());
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        Optional<SiteSession> session = sessions.current(request);
        if (session.isEmpty()) {
            if (safe) {
                response.sendRedirect("/admin/login");
            } else {
                response.sendError(401);
            }
            return false;
        }
        Optional<AdminRole> role = AdminRole.of(session.get());
        if (role.isEmpty() || !role.get().mayOpen(request.getRequestURI())) {
            response.sendError(403);
            return false;
        }
        if (!safe && !BrowserSessions.tokenMatches(session.get(), request)) {
            response.sendError(403);
            return false;
        }
        request.setAttribute(SESSION, session.get());
        request.setAttribute(ROLE, role.get());
        return true;
    }
}
