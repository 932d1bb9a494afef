package cn.zschangfang.lead.inquiry;

import java.time.Instant;
import java.util.List;

/** Leads for tests that need a stored document without going through capture. */
public final class TestLeads {

    private static final Lead.Inquiry LEASE_OF_A_FACTORY =
            new Lead.Inquiry(Lead.Intent.LEASE, Lead.PropertyType.FACTORY, "沙溪镇", null, null, null, null, null);

    private TestLeads() {}

    /** A NEW lease/factory lead with a phone and the given outbox. */
    public static Lead lead(String id, Instant receivedAt, String phone, PendingEvent... events) {
        return lead(id, receivedAt, LEASE_OF_A_FACTORY, new Lead.Contact(null, phone, null), events);
    }

    /** A NEW web lead with this inquiry (null: a document without one) and contact. */
    public static Lead lead(
            String id, Instant receivedAt, Lead.Inquiry inquiry, Lead.Contact contact, PendingEvent... events) {
        return lead(id, LeadStatus.NEW, receivedAt, inquiry, contact, null, null, null, events);
    }

    /** Every structured need stated: ground floor, class C (丙类), a monthly rent budget, a move-in date, a trade. */
    public static Requirements everyRequirementStated() {
        return new Requirements(
                8.5,
                630.0,
                Requirements.Floor.GROUND_ONLY,
                Requirements.FireClass.C,
                5.0,
                new Requirements.Budget(20.0, Requirements.BudgetUnit.YUAN_PER_SQM_MONTH),
                "2027-03-01",
                36,
                "五金加工");
    }

    /** A lead received at {@code receivedAt} and notified at {@code notifiedAt} (null: not yet). */
    public static Lead notified(Instant receivedAt, Instant notifiedAt) {
        return lead(
                "L-" + receivedAt.toEpochMilli(),
                LeadStatus.NOTIFIED,
                receivedAt,
                LEASE_OF_A_FACTORY,
                new Lead.Contact(null, "13800138000", null),
                "agent-1",
                "Agent",
                notifiedAt,
                new PendingEvent[0]);
    }

    /** A web lead scoring 20, with no consent, interests, requirements or matches recorded. */
    private static Lead lead(
            String id,
            LeadStatus status,
            Instant receivedAt,
            Lead.Inquiry inquiry,
            Lead.Contact contact,
            String assigneeId,
            String assigneeName,
            Instant notifiedAt,
            PendingEvent... events) {
        return new Lead(
                id,
                status,
                receivedAt,
                inquiry,
                contact,
                null,
                null,
                new Lead.Attribution(null, null, "web"),
                Lead.Interests.none(),
                20,
                List.of(),
                assigneeId,
                assigneeName,
                notifiedAt,
                null,
                null,
                List.of(),
                List.of(events),
                null,
                null,
                null);
    }
}
