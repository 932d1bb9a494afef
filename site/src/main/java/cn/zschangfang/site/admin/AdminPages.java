package cn.zschangfang.site.admin;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.ui.Model;

/**
 * What every back-office page does the same way: the layout's model (title, the tab bar's nav, the labels), a list
 * page's rows and pager, and a form sent to a service: refused at once when the site's own checks failed, else sent,
 * and shown again with the service's refusal (and its status: a form shown again is not a 200).
 */
final class AdminPages {

    /** The back office's list size, also the pager's (templates/admin/parts.html). */
    static final int PAGE_SIZE = 20;

    private AdminPages() {}

    static String page(Model model, String nav, String title, String view) {
        model.addAttribute("title", title);
        model.addAttribute("nav", nav);
        model.addAttribute("labels", AdminOptions.LABELS);
        return view;
    }

    /** A service's page of items as {@code rows}, its total and the page number (from 0) for the pager. */
    static void list(Model model, String rows, Map<String, Object> result, int page) {
        model.addAttribute(rows, ContentAdmin.items(result));
        model.addAttribute("total", result == null ? 0 : result.getOrDefault("total", 0));
        model.addAttribute("page", page);
    }

    /**
     * Sends a form: {@code send} returns the redirect after success; {@code refused} renders the form again with the
     * refusal, which {@link #refusal} has put above it.
     */
    static String submit(
            Model model, FormValues form, Supplier<String> send, Function<ServiceProblem, String> refused) {
        ServiceProblem problem;
        if (!form.errors().isEmpty()) {
            problem = ServiceProblem.invalid(form.errors());
        } else {
            try {
                return send.get();
            } catch (ServiceProblem p) {
                problem = p;
            }
        }
        refusal(model, problem, "error");
        return refused.apply(problem);
    }

    /** A refusal shown in place of a page's {@code slot} (error, photoError), answered with the refusal's status. */
    static void refusal(Model model, ServiceProblem problem, String slot) {
        problem.markResponse();
        model.addAttribute(slot, problem.getMessage());
    }
}
