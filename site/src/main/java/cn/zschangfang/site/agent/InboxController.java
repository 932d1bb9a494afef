package cn.zschangfang.site.agent;

import cn.zschangfang.site.web.CachePolicy;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerMapping;

/** The agent's inbox: leads by status, one lead's detail, and what an agent does with it. */
@Controller
public class InboxController {

    private static final Set<String> TABS = Set.of("new", "open", "won", "closed");
    private static final String ID = "[A-Za-z0-9-]{1,64}";
    static final String FOLLOW_UP = "【下次跟进】";
    private static final Map<String, String> DONE = Map.of(
            "ack", "已确认接单，请尽快联系客户。",
            "claim", "认领成功，请尽快联系客户。",
            "status", "状态已更新",
            "note", "备注已保存",
            "follow-up", "已设置下次跟进日期");
    private static final Map<String, String> PROBLEMS = Map.of(
            "reason", "标记为无效时请填写原因",
            "note", "请填写备注内容",
            "date", "请选择下次跟进日期",
            "past", "跟进日期不能早于今天",
            "conflict", "当前状态不允许该变更，请刷新后再试",
            "invalid", "提交的内容不完整或过长，请检查后再试",
            "gone", "该询盘已不在您的名下");

    private final AgentLeads leads;
    private final NotifySignin notify;
    private final AgentProperties properties;
    private final Clock clock;

    public InboxController(AgentLeads leads, NotifySignin notify, AgentProperties properties, Clock clock) {
        this.leads = leads;
        this.notify = notify;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/agent")
    public String inbox(
            @RequestAttribute(SessionAccess.ATTRIBUTE) SiteSession session,
            @RequestParam(defaultValue = "new") String tab,
            @RequestParam(required = false) String claim,
            Model model) {
        model.addAttribute("claimTaken", "taken".equals(claim));
        String current = TABS.contains(tab) ? tab : "new";
        List<LeadRecords.Summary> all = leads.mine(session);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : List.of("new", "open", "won", "closed")) {
            counts.put(
                    t,
                    all.stream().filter(l -> LeadText.tab(l.status()).equals(t)).count());
        }
        List<LeadRecords.Summary> shown = all.stream()
                .filter(l -> LeadText.tab(l.status()).equals(current))
                .sorted(Comparator.comparing(
                        LeadRecords.Summary::receivedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        if (!"new".equals(current)) {
            shown = new java.util.ArrayList<>(shown);
            java.util.Collections.reverse(
                    shown); // newest first once acknowledged; oldest (most urgent) first while new
        }
        model.addAttribute("me", session);
        model.addAttribute("pool", "new".equals(current) ? notify.pool(session.apiToken()) : List.of());
        model.addAttribute("tab", current);
        model.addAttribute("counts", counts);
        model.addAttribute("leads", shown);
        model.addAttribute("ackDeadlineSeconds", properties.ackDeadline().toSeconds());
        return SigninController.page(model, "我的询盘", "agent/inbox");
    }

    @GetMapping("/agent/leads/{id}")
    public String detail(
            @RequestAttribute(SessionAccess.ATTRIBUTE) SiteSession session,
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) String problem,
            Model model) {
        model.addAttribute("problem", problem == null ? null : PROBLEMS.getOrDefault(problem, "操作未成功，请刷新后再试"));
        return render(
                session,
                id,
                null,
                "ack".equals(from) || "claim".equals(from) ? DONE.get(from) : (done == null ? null : DONE.get(done)),
                model);
    }

    /** 认领: the first agent to claim a shared-pool lead gets it (the same step as the message's 确认接单). */
    @PostMapping("/agent/pool/{id}/claim")
    public String claim(@RequestAttribute(SessionAccess.ATTRIBUTE) SiteSession session, @PathVariable String id) {
        if (!notify.claim(session.apiToken(), checked(id))) {
            return "redirect:/agent?claim=taken";
        }
        return "redirect:/agent/leads/" + id + "?from=claim";
    }

    @PostMapping("/agent/leads/{id}/ack")
    public String acknowledge(@RequestAttribute(SessionAccess.ATTRIBUTE) SiteSession session, @PathVariable String id) {
        leads.acknowledge(session, checked(id));
        return "redirect:/agent/leads/" + id + "?done=ack";
    }

    @PostMapping("/agent/leads/{id}/status")
    public String status(
            @RequestAttribute(SessionAccess.ATTRIBUTE) SiteSession session,
            @PathVariable String id,
            @RequestParam String status,
            @RequestParam(required = false) String reason) {
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        if (note == null && Set.of("LOST", "SPAM").contains(status)) {
            throw new AgentLeads.Refused("reason");
        }
        leads.changeStatus(session, checked(id), status, note);
        return "redirect:/agent/leads/" + id + "?done=status";
    }

    @PostMapping("/agent/leads/{id}/notes")
    public String note(
            @RequestAttribute(SessionAccess.ATTRIBUTE) SiteSession session,
            @PathVariable String id,
            @RequestParam(required = false) String note) {
        if (note == null || note.isBlank()) {
            throw new AgentLeads.Refused("note");
        }
        leads.addNote(session, checked(id), note.strip());
        return "redirect:/agent/leads/" + id + "?done=note";
    }

    /** The next follow-up date is kept as a marked note: the timeline shows it, the detail picks the latest. */
    @PostMapping("/agent/leads/{id}/follow-up")
    public String followUp(
            @RequestAttribute(SessionAccess.ATTRIBUTE) SiteSession session,
            @PathVariable String id,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String note) {
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date);
        } catch (DateTimeParseException e) {
            throw new AgentLeads.Refused("date");
        }
        if (day.isBefore(LocalDate.now(clock.withZone(LeadText.CHINA)))) {
            throw new AgentLeads.Refused("past");
        }
        String text = FOLLOW_UP + day + (note == null || note.isBlank() ? "" : " " + note.strip());
        leads.addNote(session, checked(id), text);
        return "redirect:/agent/leads/" + id + "?done=follow-up";
    }

    /** The full contact, on tap: JSON for the page's script, the detail page itself without JavaScript. */
    @PostMapping("/agent/leads/{id}/contact")
    public Object reveal(
            @RequestAttribute(SessionAccess.ATTRIBUTE) SiteSession session,
            @PathVariable String id,
            @RequestHeader(value = "Accept", required = false) String accept,
            Model model) {
        LeadRecords.Contact contact = leads.revealContact(session, checked(id));
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.ok()
                    .cacheControl(CachePolicy.PERSONAL)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of(
                            "contactName", String.valueOf(contact.contactName()),
                            "phone", String.valueOf(contact.phone())));
        }
        return render(session, id, contact, null, model);
    }

    /** Outcomes travel as a code in the redirect (no flash attributes: they would need an in-memory session). */
    @ExceptionHandler(AgentLeads.Refused.class)
    public String refused(AgentLeads.Refused e, HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> vars =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String id = vars == null ? null : vars.get("id");
        return id != null && id.matches(ID)
                ? "redirect:/agent/leads/" + id + "?problem=" + e.getMessage()
                : "redirect:/agent";
    }

    @ExceptionHandler(AgentLeads.SignedOut.class)
    public String signedOut() {
        return "redirect:/agent/login";
    }

    private String render(SiteSession session, String id, LeadRecords.Contact contact, String notice, Model model) {
        var lead = leads.detail(session, checked(id));
        model.addAttribute("me", session);
        if (lead.isEmpty()) {
            // right after a shared-pool claim lead-service may not have heard of the assignment yet
            return SigninController.page(model, "询盘不存在", "agent/missing");
        }
        LeadRecords.Detail d = lead.get();
        model.addAttribute("lead", d);
        model.addAttribute("contact", contact);
        model.addAttribute("notice", notice);
        model.addAttribute("followUp", latestFollowUp(d));
        List<LeadRecords.TimelineEntry> timeline =
                d.timeline() == null ? new ArrayList<>() : new ArrayList<>(d.timeline());
        Collections.reverse(timeline); // newest first
        model.addAttribute("timeline", timeline);
        model.addAttribute(
                "deadline", d.receivedAt() == null ? null : d.receivedAt().plus(properties.ackDeadline()));
        model.addAttribute(
                "today", LocalDate.now(clock.withZone(LeadText.CHINA)).toString());
        return SigninController.page(model, "询盘详情", "agent/lead");
    }

    static String latestFollowUp(LeadRecords.Detail d) {
        if (d.timeline() == null) {
            return null;
        }
        return d.timeline().stream()
                .filter(t -> "NOTE".equals(t.type())
                        && t.detail() != null
                        && t.detail().startsWith(FOLLOW_UP))
                .max(Comparator.comparing(
                        LeadRecords.TimelineEntry::at, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())))
                .map(t -> t.detail().substring(FOLLOW_UP.length()))
                .orElse(null);
    }

    private static String checked(String id) {
        if (id == null || !id.matches(ID)) {
            throw new AgentLeads.Refused("id");
        }
        return id;
    }
}
