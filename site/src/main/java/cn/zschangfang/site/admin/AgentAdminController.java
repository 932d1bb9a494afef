package cn.zschangfang.site.admin;

import cn.zschangfang.site.admin.Field.Group;
import cn.zschangfang.site.agent.SiteSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/agents} (ADMIN only: notify has no teams, so a manager cannot be limited to "their" agents): list,
 * create and edit through notify's admin API, and a test message through every channel of an agent.
 */
@Controller
class AgentAdminController {

    private static final String ID = "{id:[A-Za-z0-9._-]{1,64}}";

    private final NotifyAdmin notify;
    private final AdminOptions options;

    AgentAdminController(NotifyAdmin notify, AdminOptions options) {
        this.notify = notify;
        this.options = options;
    }

    @GetMapping("/admin/agents")
    String list(@RequestAttribute(AdminAccess.SESSION) SiteSession me, Model model) {
        List<Map<String, Object>> agents = notify.agents(me.apiToken()).stream()
                .map(v -> {
                    Map<String, Object> row = new LinkedHashMap<>(AgentForm.spec(v));
                    row.put("id", v.get("id"));
                    row.put("hasToken", v.get("hasToken"));
                    return (Map<String, Object>) row;
                })
                .toList();
        model.addAttribute("agents", agents);
        return page(model, "经纪人管理", "admin/agents/list");
    }

    @GetMapping("/admin/agents/new")
    String newForm(@RequestAttribute(AdminAccess.SESSION) SiteSession me, Model model) {
        Map<String, Object> values = FormValues.of(groups(me, null), Map.of());
        values.put("role", "AGENT");
        values.put("active", "true");
        values.put("weight", "1");
        return form(model, me, null, values, AgentForm.rows(null), Map.of());
    }

    @PostMapping("/admin/agents")
    String create(
            @RequestAttribute(AdminAccess.SESSION) SiteSession me,
            @RequestParam MultiValueMap<String, String> params,
            Model model) {
        Submitted s = read(me, null, params);
        String id = params.getFirst("id");
        if (id != null && !id.isBlank()) {
            if (!id.strip().matches("[A-Za-z0-9._-]{1,64}")) {
                s.form.errors().put("id", "只能包含字母、数字、. _ -，最多 64 位");
            } else {
                s.body.put("id", id.strip());
            }
        }
        s.form.values().put("id", id == null ? "" : id);
        return AdminPages.submit(
                model,
                s.form,
                () -> {
                    Map<String, Object> created = notify.create(me.apiToken(), s.body);
                    // rendered, not redirected: the token is shown this once and must not travel in a URL
                    model.addAttribute("notice", "经纪人已创建");
                    model.addAttribute("issuedToken", created.get("token"));
                    return edit(me, String.valueOf(created.get("id")), model);
                },
                problem -> refused(model, me, null, s, params, problem));
    }

    @GetMapping("/admin/agents/" + ID)
    String edit(@RequestAttribute(AdminAccess.SESSION) SiteSession me, @PathVariable String id, Model model) {
        Map<String, Object> view = notify.agent(me.apiToken(), id);
        Map<String, Object> spec = AgentForm.spec(view);
        Map<String, Object> values = FormValues.of(groups(me, id), spec);
        return form(model, me, view, values, AgentForm.rows(spec.get("workingHours")), Map.of());
    }

    @PostMapping("/admin/agents/" + ID)
    String update(
            @RequestAttribute(AdminAccess.SESSION) SiteSession me,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> params,
            Model model) {
        Map<String, Object> view = notify.agent(me.apiToken(), id);
        Submitted s = read(me, id, params);
        s.body.put("id", id);
        return AdminPages.submit(
                model,
                s.form,
                () -> {
                    notify.update(me.apiToken(), id, s.body);
                    return "redirect:/admin/agents/" + id + "?done=saved";
                },
                problem -> refused(model, me, view, s, params, problem));
    }

    @PostMapping("/admin/agents/" + ID + "/test-message")
    String testMessage(@RequestAttribute(AdminAccess.SESSION) SiteSession me, @PathVariable String id, Model model) {
        // rendered, not redirected: the results belong to this request only
        try {
            Map<String, Object> answer = notify.testMessage(me.apiToken(), id);
            Object results = answer == null ? null : answer.get("results");
            model.addAttribute("testResults", results instanceof List<?> l ? l : List.of());
        } catch (ServiceProblem problem) {
            problem.markResponse();
            model.addAttribute("error", "测试消息未发送：" + problem.getMessage());
        }
        return edit(me, id, model);
    }

    private record Submitted(FormValues form, Map<String, Object> body, List<Map<String, Object>> rows) {}

    private Submitted read(SiteSession me, String id, MultiValueMap<String, String> params) {
        FormValues form = FormValues.read(groups(me, id), params);
        Map<String, String> errors = new LinkedHashMap<>(form.errors());
        List<Map<String, Object>> hours = AgentForm.hours(params, errors);
        Map<String, Object> body = new LinkedHashMap<>(form.json());
        body.put("workingHours", hours);
        Map<String, Object> values = new LinkedHashMap<>(form.values());
        return new Submitted(new FormValues(body, values, errors), body, AgentForm.rows(hours));
    }

    private String refused(
            Model model,
            SiteSession me,
            Map<String, Object> view,
            Submitted s,
            MultiValueMap<String, String> params,
            ServiceProblem problem) {
        FormValues shown = s.form.withServiceErrors(problem.fieldErrors(), Map.of());
        List<Map<String, Object>> rows = AgentForm.rows(AgentForm.hoursAsEntered(params));
        return form(model, me, view, shown.values(), rows, shown.errors());
    }

    private String form(
            Model model,
            SiteSession me,
            Map<String, Object> view,
            Map<String, Object> values,
            List<Map<String, Object>> hours,
            Map<String, String> errors) {
        model.addAttribute("agent", view);
        model.addAttribute("groups", groups(me, view == null ? null : String.valueOf(view.get("id"))));
        model.addAttribute("values", values);
        model.addAttribute("hours", hours);
        model.addAttribute("days", AgentForm.DAYS);
        model.addAttribute("errors", errors);
        model.addAttribute("townGroups", options.townGroups());
        Object towns = values.get("towns");
        model.addAttribute(
                "extraTowns",
                towns instanceof List<?> l
                        ? l.stream()
                                .map(String::valueOf)
                                .filter(t -> !options.towns().containsKey(t))
                                .toList()
                        : List.of());
        return page(model, view == null ? "新建经纪人" : "编辑经纪人", "admin/agents/form");
    }

    private List<Group> groups(SiteSession me, String self) {
        Map<String, String> backups = new LinkedHashMap<>();
        try {
            for (Map<String, Object> v : notify.agents(me.apiToken())) {
                String id = String.valueOf(v.get("id"));
                if (!id.equals(self)) {
                    backups.put(id, AgentForm.spec(v).getOrDefault("name", id) + "（" + id + "）");
                }
            }
        } catch (ServiceProblem unavailable) {
            // the form still works; only the backup choice is empty
        }
        return AgentForm.groups(options.towns(), backups);
    }

    private static String page(Model model, String title, String view) {
        return AdminPages.page(model, "agents", title, view);
    }
}
