package cn.zschangfang.lead.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.lead.ContractSchemas;
import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.ListingMatch;
import cn.zschangfang.lead.inquiry.PendingEvent;
import cn.zschangfang.lead.inquiry.Requirements;
import cn.zschangfang.lead.inquiry.SourceListing;
import cn.zschangfang.lead.inquiry.TestLeads;
import cn.zschangfang.lead.inquiry.TimelineEntry;
import cn.zschangfang.lead.inquiry.ValidInquiry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@link OutboxEvents} writes validates against the schemas notify-service reads by (the ITs validate what the
 * broker really carried); the schema also refuses what the producer must never send.
 */
class LeadEventSchemasTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final OutboxEvents events = new OutboxEvents(json);
    private final Instant now = Instant.parse("2026-12-01T04:00:00Z");

    private Lead lead(Requirements requirements, SourceListing source, List<ListingMatch> matches) {
        ValidInquiry valid = new ValidInquiry(
                new Lead.Inquiry(
                        Lead.Intent.LEASE,
                        Lead.PropertyType.FACTORY,
                        "沙溪镇",
                        new Lead.Range(1000.0, 2000.0),
                        new Lead.Range(1.5, 3.0),
                        null,
                        null,
                        null),
                new Lead.Contact("张三", "13800138000", null),
                null,
                null,
                false,
                requirements,
                source);
        return Lead.captured(
                "lead-1",
                now,
                valid,
                new Lead.Attribution(null, null, "web"),
                new Lead.Consent(true, now, "2026-01"),
                new Lead.Consent(false, now, "2026-01"),
                Lead.Interests.none(),
                new Lead.Score(40, List.of("基础分 +20")),
                matches,
                new TimelineEntry(now, "CAPTURED", "web", "score 40"));
    }

    @Test
    void leadCapturedWithRequirementsSourceListingAndMatchesIsValid() {
        PendingEvent event = events.captured(
                lead(
                        TestLeads.everyRequirementStated(),
                        new SourceListing("L-1", "shaxi-1500", "沙溪厂房", "demo-liwei"),
                        List.of(new ListingMatch("L-1", "shaxi-1500", "沙溪厂房", 85, List.of("同镇街", "面积吻合")))),
                now);

        assertThat(ContractSchemas.validate("lead.captured", event.payload())).isEmpty();
        JsonNode payload = json.readTree(event.payload());
        assertThat(payload.get("requirements").get("floor").asString()).isEqualTo("GROUND_ONLY");
        assertThat(payload.get("requirements").get("budget").get("unit").asString())
                .isEqualTo("YUAN_PER_SQM_MONTH");
        assertThat(payload.get("sourceListing").get("agentId").asString()).isEqualTo("demo-liwei");
        assertThat(payload.get("matches").get(0).get("reasons").get(1).asString())
                .isEqualTo("面积吻合");
    }

    @Test
    void leadCapturedWithoutAnyOfThemCarriesNullsAndAnEmptyList() {
        PendingEvent event = events.captured(lead(null, null, List.of()), now);

        assertThat(ContractSchemas.validate("lead.captured", event.payload())).isEmpty();
        JsonNode payload = json.readTree(event.payload());
        assertThat(payload.get("requirements").isNull()).isTrue();
        assertThat(payload.get("sourceListing").isNull()).isTrue();
        assertThat(payload.get("matches").isEmpty()).isTrue();
    }

    @Test
    void theSchemaRefusesMoreThanFiveMatchesOrAnUnknownFireClass() {
        String valid = events.captured(lead(null, null, List.of()), now).payload();
        String six = valid.replace(
                "\"matches\":[]",
                "\"matches\":["
                        + String.join(
                                ",",
                                java.util.Collections.nCopies(
                                        6,
                                        "{\"listingId\":\"L\",\"slug\":\"s\",\"title\":\"t\",\"score\":1,\"reasons\":[]}"))
                        + "]");
        String fire = valid.replace("\"requirements\":null", "\"requirements\":{\"fireClass\":\"F\"}");

        assertThat(six).isNotEqualTo(valid);
        assertThat(ContractSchemas.validate("lead.captured", six)).isNotEmpty();
        assertThat(fire).isNotEqualTo(valid);
        assertThat(ContractSchemas.validate("lead.captured", fire)).isNotEmpty();
    }

    @Test
    void listingMatchedIsValidKeyedByAgentAndItsIdDependsOnlyOnListingAndAgent() {
        PendingEvent first = events.listingMatched("L-9", "torch-9", "火炬厂房", "agent-1", List.of("a", "b"), now);
        PendingEvent again =
                events.listingMatched("L-9", "torch-9", "火炬厂房", "agent-1", List.of("a"), now.plusSeconds(60));
        PendingEvent other = events.listingMatched("L-9", "torch-9", "火炬厂房", "agent-2", List.of("c"), now);

        assertThat(ContractSchemas.validate("lead.listing-matched", first.payload()))
                .isEmpty();
        assertThat(first.key()).isEqualTo("agent-1");
        assertThat(first.type()).isEqualTo("cn.zschangfang.lead.listing-matched.v1");
        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(other.eventId()).isNotEqualTo(first.eventId());
        assertThat(json.readTree(first.payload()).get("eventId").asString()).isEqualTo(first.eventId());
    }
}
