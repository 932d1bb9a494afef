package cn.zschangfang.site.agent;

import cn.zschangfang.site.web.CachePolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards the inbox ({@code /agent/**}) and the dashboard ({@code /dashboard/**}): a live server-side session, the
 * manager role for the dashboard, and on every state-changing request the session's synchronizer CSRF token (form
 * field {@code _csrf} or header {@code X-CSRF-Token}). The session is exposed as request attribute
 * {@value #ATTRIBUTE}.
 */
@Component
public class SessionAccess implements HandlerInterceptor {

    public static final String ATTRIBUTE = "siteSession";

    private final BrowserSessions sessions;

    public SessionAccess(BrowserSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Optional<SiteSession> session = sessions.current(request);
        boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (session.isEmpty()) {
            if (safe && !request.getRequestURI().endsWith("/stream")) {
                response.sendRedirect("/agent/login");
            } else {
                response.sendError(401);
            }
            return false;
        }
        if (request.getRequestURI().startsWith("/dashboard") && !session.get().manager()) {
            response.sendError(403);
            return false;
        }
        if (!safe && !BrowserSessions.tokenMatches(session.get(), request)) {
            response.sendError(403);
            return false;
        }
        // signed-in pages carry personal data: never in a shared or browser cache
        response.setHeader("Cache-Control", CachePolicy.PERSONAL.getHeaderValue());
        request.setAttribute(ATTRIBUTE, session.get());
        return true;
    }
}
