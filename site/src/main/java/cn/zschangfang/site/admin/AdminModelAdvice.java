package cn.zschangfang.site.admin;

import cn.zschangfang.site.agent.SiteSession;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user ({@code me}, {@code role}, {@code csrf}) and the confirmation of a redirect's {@code ?done=}
 * ({@code notice}, {@link Notices}) into every back-office page, and turns a service refusal that a controller did not
 * show at its form into a page with the message.
 */
@ControllerAdvice(basePackageClasses = AdminModelAdvice.class)
class AdminModelAdvice {

    private static final AdminText TEXT = new AdminText();

    @ModelAttribute
    void signedIn(HttpServletRequest request, Model model) {
        model.addAttribute("ax", TEXT);
        // every editor shows it the same way; a handler that renders its own confirmation replaces it
        model.addAttribute("notice", Notices.of(request.getParameter("done")));
        if (request.getAttribute(AdminAccess.SESSION) instanceof SiteSession session) {
            model.addAttribute("me", session);
            model.addAttribute("role", request.getAttribute(AdminAccess.ROLE));
            model.addAttribute("csrf", session.csrf());
        }
    }

    @ExceptionHandler(ServiceProblem.class)
    String problem(
            ServiceProblem problem,
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            Model model) {
        signedIn(request, model);
        response.setStatus(problem.status() == 404 ? 404 : problem.status() >= 500 ? 502 : problem.status());
        model.addAttribute("title", problem.status() == 404 ? "记录不存在" : "操作未完成");
        model.addAttribute("problem", problem);
        return "admin/problem";
    }
}
