package cn.zschangfang.site.agent;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A browser's server-side session: the session cookie ({@link SessionCookies}) read against the store
 * ({@link SiteSessions}). The inbox's and the back office's sign-ins, sign-outs and guards go through it, so the
 * fixation rule (a sign-in never keeps a previous session id) holds in one place.
 */
@Component
public class BrowserSessions {

    private final SiteSessions sessions;
    private final SessionCookies cookies;

    public BrowserSessions(SiteSessions sessions, SessionCookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    /** The live session the request's cookie names, if any. */
    public Optional<SiteSession> current(HttpServletRequest request) {
        return sessions.find(cookies.read(request));
    }

    /** Whether a state-changing request carries the session's synchronizer token (form field or header). */
    public static boolean tokenMatches(SiteSession session, HttpServletRequest request) {
        String submitted = request.getParameter("_csrf");
        return SessionCookies.same(session.csrf(), submitted != null ? submitted : request.getHeader("X-CSRF-Token"));
    }

    /** Replaces whatever session the browser had with a new one and sets its cookie. */
    public void start(
            HttpServletRequest request,
            HttpServletResponse response,
            String agentId,
            String name,
            String role,
            String apiToken,
            Instant expiresAt) {
        sessions.delete(cookies.read(request));
        cookies.write(response, sessions.create(agentId, name, role, apiToken, expiresAt));
    }

    /** Deletes the browser's session and its cookie; the session it was, if it was live. */
    public Optional<SiteSession> end(HttpServletRequest request, HttpServletResponse response) {
        String cookie = cookies.read(request);
        Optional<SiteSession> ended = sessions.find(cookie);
        sessions.delete(cookie);
        cookies.clear(response);
        return ended;
    }
}
