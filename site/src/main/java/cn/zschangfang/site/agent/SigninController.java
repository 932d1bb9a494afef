package cn.zschangfang.site.agent;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in without passwords: the agent types their mobile, notify sends a one-time link to their own robot (or
 * SMS), the link opens {@code /agent/signin?token=}, which redeems it with a POST (a link scanner's GET cannot burn
 * the token) and starts a server-side session.
 */
@Controller
public class SigninController {

    private final NotifySignin notify;
    private final BrowserSessions sessions;
    private final SessionCookies cookies;

    public SigninController(NotifySignin notify, BrowserSessions sessions, SessionCookies cookies) {
        this.notify = notify;
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @GetMapping("/agent/login")
    public String loginPage(
            @RequestParam(required = false) String sent,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (sessions.current(request).isPresent() && sent == null) {
            return "redirect:/agent";
        }
        return loginForm(model, sent != null, request, response);
    }

    @PostMapping("/agent/login")
    public String requestLink(
            @RequestParam(required = false) String mobile,
            @RequestParam(name = "_csrf", required = false) String csrf,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!cookies.preSessionTokenMatches(request, csrf)) {
            model.addAttribute("error", "页面已过期，请重新提交");
        } else {
            switch (notify.requestLink(mobile)) {
                case SENT -> {
                    return "redirect:/agent/login?sent=1";
                }
                case INVALID_MOBILE -> model.addAttribute("error", "请输入正确的 11 位手机号");
                case TOO_MANY -> model.addAttribute("error", "获取过于频繁，请 10 分钟后再试");
                case UNAVAILABLE -> model.addAttribute("error", "服务暂时不可用，请稍后再试");
            }
        }
        model.addAttribute("mobile", mobile);
        return loginForm(model, false, request, response);
    }

    /** The login form with a fresh pre-session CSRF token; {@code sent} shows that a link is on its way. */
    private String loginForm(Model model, boolean sent, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("csrf", cookies.preSessionToken(request, response));
        model.addAttribute("sent", sent);
        return page(model, "经纪人登录", "agent/login");
    }

    @GetMapping("/agent/signin")
    public String confirmPage(
            @RequestParam(required = false) String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return invalidLink(model, response, HttpStatus.BAD_REQUEST);
        }
        model.addAttribute("token", token);
        model.addAttribute("csrf", cookies.preSessionToken(request, response));
        return page(model, "正在登录", "agent/signin");
    }

    @PostMapping("/agent/signin")
    public String redeem(
            @RequestParam(required = false) String token,
            @RequestParam(name = "_csrf", required = false) String csrf,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (token == null) {
            return invalidLink(model, response, HttpStatus.BAD_REQUEST);
        }
        if (!cookies.preSessionTokenMatches(request, csrf)) {
            return invalidLink(model, response, HttpStatus.FORBIDDEN);
        }
        var redemption = notify.redeem(token);
        if (redemption.isEmpty()) {
            return invalidLink(model, response, HttpStatus.GONE);
        }
        NotifySignin.Redemption r = redemption.get();
        sessions.start(request, response, r.agentId(), r.name(), r.role(), r.apiToken(), r.expiresAt());
        if (r.leadId() != null && r.leadId().matches("[A-Za-z0-9-]{1,64}")) {
            return "redirect:/agent/leads/" + r.leadId() + "?from=ack";
        }
        return "MANAGER".equals(r.role()) ? "redirect:/dashboard" : "redirect:/agent";
    }

    @PostMapping("/agent/logout")
    public String logout(
            @RequestAttribute(SessionAccess.ATTRIBUTE) SiteSession session,
            HttpServletRequest request,
            HttpServletResponse response) {
        sessions.end(request, response);
        notify.signOut(session.apiToken());
        return "redirect:/agent/login";
    }

    /**
     * The same page for every refusal (the agent's next step is always a new link), with a status that tells
     * monitoring and link scanners what happened: 410 for a used or expired link, 403 for a forged form.
     */
    private static String invalidLink(Model model, HttpServletResponse response, HttpStatus status) {
        response.setStatus(status.value());
        return page(model, "登录链接无效", "agent/signin-failed");
    }

    static String page(Model model, String title, String view) {
        model.addAttribute("title", title);
        model.addAttribute("nav", "agent");
        return view;
    }
}
