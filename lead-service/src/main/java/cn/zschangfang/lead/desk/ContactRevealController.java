package cn.zschangfang.lead.desk;

import cn.zschangfang.lead.access.Caller;
import cn.zschangfang.lead.access.Callers;
import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStore;
import cn.zschangfang.lead.inquiry.TimelineEntry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/agent/leads/{id}/contact}: the visitor's full name and mobile, for the agent who is about to call,
 * recorded on the lead's timeline as an access ({@code CONTACT_VIEWED}) so a manager sees who looked when. The site
 * shows the masked number until the agent taps it.
 */
@RestController
public class ContactRevealController {

    /** The unmasked contact. */
    public record Contact(String contactName, String phone) {}

    private final Callers callers;
    private final LeadStore store;
    private final Clock clock;

    public ContactRevealController(Callers callers, LeadStore store, Clock clock) {
        this.callers = callers;
        this.store = store;
        this.clock = clock;
    }

    @PostMapping(path = "/api/agent/leads/{id}/contact", produces = MediaType.APPLICATION_JSON_VALUE)
    public Contact reveal(@PathVariable String id, HttpServletRequest request) {
        Caller caller = callers.require(request);
        Lead lead = DeskAccess.open(store, id, caller);
        store.appendTimeline(id, new TimelineEntry(clock.instant(), "CONTACT_VIEWED", caller.id(), "查看完整联系方式"));
        return new Contact(lead.contact().contactName(), lead.contact().phone());
    }
}
