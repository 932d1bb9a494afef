package cn.zschangfang.lead.capture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStore;
import cn.zschangfang.lead.inquiry.StandInMongoTest;
import cn.zschangfang.lead.inquiry.TestLeads;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The duplicate window on the MongoDB-wire stand-in: repeat within it, new lead after it or after a lost write. */
@Import({LeadStore.class, DuplicateClaims.class})
class DuplicateClaimsTest extends StandInMongoTest {

    static final Duration WINDOW = Duration.ofHours(24);

    @Autowired
    DuplicateClaims claims;

    @Autowired
    LeadStore store;

    String storedLead(String id) {
        store.insert(TestLeads.lead(id, Instant.now(), "13911112222"));
        return id;
    }

    @Test
    void aRepeatWithinTheWindowPointsToTheFirstLeadAndAfterItStartsANewOne() {
        String phone = "13911112222";
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        String first = storedLead(UUID.randomUUID().toString());

        assertThat(claims.claim(phone, Lead.Intent.LEASE, Lead.PropertyType.FACTORY, first, t0, WINDOW))
                .isEmpty();
        assertThat(claims.claim(
                        phone, Lead.Intent.LEASE, Lead.PropertyType.FACTORY, "second", t0.plusSeconds(3600), WINDOW))
                .hasValue(first);
        assertThat(claims.claim(
                        phone, Lead.Intent.BUY, Lead.PropertyType.FACTORY, "other-need", t0.plusSeconds(60), WINDOW))
                .isEmpty();
        assertThat(claims.claim(
                        phone,
                        Lead.Intent.LEASE,
                        Lead.PropertyType.FACTORY,
                        "later",
                        t0.plus(Duration.ofHours(25)),
                        WINDOW))
                .isEmpty();
    }

    @Test
    void aClaimWhoseLeadWasNeverStoredIsTakenOverOnceItIsNoLongerInProgress() {
        Instant t0 = Instant.parse("2026-03-02T00:00:00Z");
        assertThat(claims.claim("13600000000", Lead.Intent.LEASE, Lead.PropertyType.LAND, "lost", t0, WINDOW))
                .isEmpty();

        assertThat(claims.claim(
                        "13600000000", Lead.Intent.LEASE, Lead.PropertyType.LAND, "racing", t0.plusSeconds(5), WINDOW))
                .hasValue("lost");
        assertThat(claims.claim(
                        "13600000000", Lead.Intent.LEASE, Lead.PropertyType.LAND, "retry", t0.plusSeconds(120), WINDOW))
                .isEmpty();
    }
}
