package cn.zschangfang.site.admin;

import cn.zschangfang.site.agent.SiteSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /admin}: listing counts by status and the shortcuts; {@code /admin/audit}: who changed what, when. */
@Controller
class AdminHomeController {

    private final ContentAdmin content;

    AdminHomeController(ContentAdmin content) {
        this.content = content;
    }

    @GetMapping({"/admin", "/admin/"})
    String home(@RequestAttribute(AdminAccess.SESSION) SiteSession me, Model model) {
        Map<String, Object> counts = new LinkedHashMap<>();
        try {
            for (String status : ListingForm.STATUS.keySet()) {
                Map<String, Object> page = content.listings(me.apiToken(), status, 0);
                counts.put(status, page == null ? 0 : page.getOrDefault("total", 0));
            }
        } catch (ServiceProblem problem) {
            model.addAttribute("countsError", problem.getMessage());
        }
        model.addAttribute("counts", counts);
        return AdminPages.page(model, "home", "后台概览", "admin/home");
    }

    @GetMapping("/admin/audit")
    String audit(
            @RequestAttribute(AdminAccess.SESSION) SiteSession me,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        AdminPages.list(model, "entries", content.audit(me.apiToken(), Math.max(0, page)), Math.max(0, page));
        return AdminPages.page(model, "audit", "操作记录", "admin/audit");
    }
}
