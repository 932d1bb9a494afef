package cn.zschangfang.site.admin;

import cn.zschangfang.site.agent.BrowserSessions;
import cn.zschangfang.site.agent.NotifySignin;
import cn.zschangfang.site.agent.SessionCookies;
import cn.zschangfang.site.web.CachePolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * ADMIN signs in by entering the admin token, which notify confirms server to server; the token then lives only in
 * the server-side session (the browser holds the random session id). Managers sign in through the inbox's one-time
 * link and come here with that session.
 */
@Controller
class AdminLoginController {

    static final String ADMIN_ID = "admin";

    private final NotifyAdmin notify;
    private final NotifySignin signin;
    private final BrowserSessions sessions;
    private final SessionCookies cookies;
    private final LoginThrottle throttle;
    private final AdminProperties properties;
    private final Clock clock;

    AdminLoginController(
            NotifyAdmin notify,
            NotifySignin signin,
            BrowserSessions sessions,
            SessionCookies cookies,
            LoginThrottle throttle,
            AdminProperties properties,
            Clock clock) {
        this.notify = notify;
        this.signin = signin;
        this.sessions = sessions;
        this.cookies = cookies;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/admin/login")
    String loginPage(HttpServletRequest request, HttpServletResponse response, Model model) {
        var existing = sessions.current(request).flatMap(AdminRole::of);
        if (existing.isPresent()) {
            return "redirect:/admin";
        }
        return page(request, response, model, null);
    }

    @PostMapping("/admin/login")
    String signIn(
            @RequestParam(required = false) String token,
            @RequestParam(name = "_csrf", required = false) String csrf,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String ip = request.getRemoteAddr();
        if (!cookies.preSessionTokenMatches(request, csrf)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return page(request, response, model, "页面已过期，请重新提交");
        }
        if (throttle.blocked(ip)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return page(request, response, model, "失败次数过多，请 15 分钟后再试");
        }
        switch (notify.checkAdminToken(token)) {
            case VALID -> {
                throttle.succeeded(ip);
                sessions.start(
                        request,
                        response,
                        ADMIN_ID,
                        "系统管理员",
                        AdminRole.ADMIN.name(),
                        token.strip(),
                        clock.instant().plus(properties.sessionTtl()));
                return "redirect:/admin";
            }
            case WRONG -> {
                throttle.failed(ip);
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                return page(request, response, model, "管理口令不正确");
            }
            default -> {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                return page(request, response, model, "暂时无法验证口令（通知服务不可用），请稍后再试");
            }
        }
    }

    @PostMapping("/admin/logout")
    String logout(HttpServletRequest request, HttpServletResponse response) {
        // a manager's session also holds notify's session token: end that too (the admin token is not a session)
        sessions.end(request, response)
                .filter(s -> !AdminRole.ADMIN.name().equals(s.role()))
                .ifPresent(s -> signin.signOut(s.apiToken()));
        return "redirect:/admin/login";
    }

    private String page(HttpServletRequest request, HttpServletResponse response, Model model, String error) {
        response.setHeader("Cache-Control", CachePolicy.PERSONAL.getHeaderValue());
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        model.addAttribute("csrf", cookies.preSessionToken(request, response));
        model.addAttribute("error", error);
        model.addAttribute("title", "后台登录");
        return "admin/login";
    }
}
