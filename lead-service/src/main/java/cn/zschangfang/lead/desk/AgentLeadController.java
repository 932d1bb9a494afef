package cn.zschangfang.lead.desk;

import cn.zschangfang.lead.access.Caller;
import cn.zschangfang.lead.access.Callers;
import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStatus;
import cn.zschangfang.lead.inquiry.LeadStore;
import cn.zschangfang.lead.inquiry.TimelineEntry;
import cn.zschangfang.lead.lifecycle.Lifecycle;
import cn.zschangfang.platform.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agent's desk: own leads, acknowledge, move status, add notes. A lead assigned to someone else is a 404;
 * managers and the admin may act on any lead.
 */
@RestController
public class AgentLeadController {

    private final Callers callers;
    private final LeadStore store;
    private final Lifecycle lifecycle;
    private final Clock clock;

    public AgentLeadController(Callers callers, LeadStore store, Lifecycle lifecycle, Clock clock) {
        this.callers = callers;
        this.store = store;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    public record StatusChange(String status, String note) {}

    public record Note(String note) {}

    @GetMapping(path = "/api/agent/leads", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<LeadViews.Summary> mine(HttpServletRequest request) {
        Caller caller = callers.require(request);
        return store.newestFirst(Criteria.where("assigneeId").is(caller.id()), 0, 200).stream()
                .map(LeadViews.Summary::of)
                .toList();
    }

    @PostMapping(path = "/api/agent/leads/{id}/ack", produces = MediaType.APPLICATION_JSON_VALUE)
    public LeadViews.Detail ack(@PathVariable String id, HttpServletRequest request) {
        Caller caller = callers.require(request);
        Lead lead = DeskAccess.open(store, id, caller);
        if (!lead.status().isAcknowledgedOrLater()) {
            apply(lifecycle.move(id, LeadStatus.ACKNOWLEDGED, caller.id(), "已确认", null));
        }
        return LeadViews.Detail.of(store.find(id).orElseThrow(ApiException::notFound));
    }

    @PostMapping(
            path = "/api/agent/leads/{id}/status",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public LeadViews.Detail status(
            @PathVariable String id, @RequestBody StatusChange change, HttpServletRequest request) {
        Caller caller = callers.require(request);
        DeskAccess.open(store, id, caller);
        LeadStatus to;
        try {
            to = LeadStatus.valueOf(
                    change.status() == null ? "" : change.status().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(List.of(new ApiException.FieldError("status", "invalid_choice", "状态取值无效")));
        }
        String note = note(change.note(), false);
        apply(lifecycle.move(id, to, caller.id(), note, null));
        return LeadViews.Detail.of(store.find(id).orElseThrow(ApiException::notFound));
    }

    @PostMapping(
            path = "/api/agent/leads/{id}/notes",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public LeadViews.Detail note(@PathVariable String id, @RequestBody Note note, HttpServletRequest request) {
        Caller caller = callers.require(request);
        DeskAccess.open(store, id, caller);
        String text = note(note.note(), true);
        store.appendTimeline(id, new TimelineEntry(clock.instant(), "NOTE", caller.id(), text));
        return LeadViews.Detail.of(store.find(id).orElseThrow(ApiException::notFound));
    }

    private static String note(String note, boolean required) {
        if (note == null || note.isBlank()) {
            if (required) {
                throw ApiException.validation(List.of(new ApiException.FieldError("note", "required", "请填写备注")));
            }
            return null;
        }
        if (note.length() > 2000) {
            throw ApiException.validation(List.of(new ApiException.FieldError("note", "too_long", "备注不能超过2000个字")));
        }
        return note.strip();
    }

    private static void apply(Lifecycle.Outcome outcome) {
        if (outcome == Lifecycle.Outcome.NOT_FOUND) {
            throw ApiException.notFound();
        }
        if (outcome == Lifecycle.Outcome.NOT_ALLOWED) {
            throw ApiException.conflict("当前状态不允许该变更");
        }
    }
}
