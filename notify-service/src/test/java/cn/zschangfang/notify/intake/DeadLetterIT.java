package cn.zschangfang.notify.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.notify.support.NotifyIntegrationTest;
import cn.zschangfang.platform.test.KafkaProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeadLetterIT extends NotifyIntegrationTest {

    @Test
    void unprocessableEventEndsInTheDeadLetterTopicWithItsKey() {
        String key = "poison-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        KafkaProbe.send(
                brokers(),
                "lead.captured",
                key,
                "{\"eventId\":\"%s\",\"leadId\":\"\",\"intent\":\"LEASE\"}".formatted(eventId),
                eventId);

        var dead = KafkaProbe.read(brokers(), "lead.captured.dlq", r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).contains(eventId);
    }

    @Test
    void replayEndpointRepublishesDeadLettersAndTheLeadIsDelivered() throws Exception {
        String town = unique("板芙镇");
        String path = "/r/" + UUID.randomUUID();
        agent(town, path);
        String leadId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        // a good event that was dead-lettered while, say, MongoDB was unreachable
        KafkaProbe.send(brokers(), "lead.captured.dlq", leadId, leadJson(leadId, eventId, town, "重放测试"), eventId);

        String replay = "/api/notify/admin/dlq/replay";
        assertThat(call("POST", replay, null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> r = call("POST", replay, ADMIN, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).containsPattern("\"replayed\":[1-9]");

        await().atMost(Duration.ofSeconds(15))
                .until(() -> robotGot(path, leadId).size() == 1);
    }
}
