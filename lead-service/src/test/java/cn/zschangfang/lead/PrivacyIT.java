package cn.zschangfang.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** PIPL: erasure on request, retention purge, and no phone or name in any log. */
class PrivacyIT extends LeadServiceITBase {

    @Test
    void adminErasesPersonalDataOnRequestAndRetentionPurgesOldLeads() {
        String phone = uniquePhone();
        String id = capture(inquiry(phone).message("请联系我").json());
        assertThat(http().delete("/api/leads/" + id + "/personal-data", "Authorization", "Bearer manager-token")
                        .statusCode())
                .isEqualTo(403);
        assertThat(http().delete("/api/leads/" + id + "/personal-data", "Authorization", "Bearer it-admin-token")
                        .statusCode())
                .isEqualTo(204);
        assertThat(http().delete("/api/leads/nope/personal-data", "Authorization", "Bearer it-admin-token")
                        .statusCode())
                .isEqualTo(404);
        Lead erased = leads.findById(id).orElseThrow();
        assertThat(erased.contact().phone()).isNull();
        assertThat(erased.contact().contactName()).isNull();
        assertThat(erased.inquiry().message()).isNull();
        assertThat(erased.personalDataErasedAt()).isNotNull();
        assertThat(erased.timeline()).anySatisfy(e -> assertThat(e.type()).isEqualTo("PERSONAL_DATA_ERASED"));

        String oldId = capture(inquiry(uniquePhone()).json());
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(oldId)),
                new Update().set("receivedAt", Instant.now().minus(Duration.ofDays(400))),
                Lead.class);
        assertThat(personalData.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(leads.findById(oldId).orElseThrow().contact().phone()).isNull();
    }

    @Test
    void phonesAndNamesNeverReachTheLogs(CapturedOutput output) {
        // Logging levels are global: another test class's context may have reset this service's loggers to the
        // tests' WARN default since this context started, and this test reads the INFO lines.
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel("cn.zschangfang.lead", LogLevel.INFO);
        String phone = uniquePhone();
        String id = capture(inquiry(phone)
                .intent("BUY")
                .propertyType("LAND")
                .town("火炬")
                .contactName("欧阳娜娜")
                .json());
        http().post(
                        "/api/leads",
                        inquiry(phone).intent("BUY").propertyType("LAND").json(),
                        "X-Api-Key",
                        PARTNER_KEY);
        sendRouted(id, "agent-2", "李经理", "rr", false);
        awaitStatus(id, LeadStatus.ROUTED);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> leads.findById(id).orElseThrow().pendingEvents().isEmpty());

        assertThat(output.getAll()).contains(id).contains(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(output.getAll()).doesNotContain(phone).doesNotContain("欧阳娜娜");
    }
}
