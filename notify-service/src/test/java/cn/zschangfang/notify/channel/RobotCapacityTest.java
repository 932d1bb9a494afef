package cn.zschangfang.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.lead.Lead;
import cn.zschangfang.notify.support.TestProperties;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What one robot carries per minute under its message budget ({@code notify.delivery.robot-limit-per-minute}, 18
 * of WeChat Work's 20): one message per single lead, and in a burst one digest per message carrying what fits (at
 * most the dispatcher's backlog claim + 1). Prints the table quoted in notify-service/README.md.
 */
class RobotCapacityTest {

    private static final int BACKLOG_CLAIM = 40; // Dispatcher.BACKLOG_CLAIM

    private static int perDigest(MessageFixtures.Posted p, List<Lead> leads) {
        OutboundMessage m = MessageFixtures.message(leads.subList(0, Math.min(leads.size(), BACKLOG_CLAIM + 1)));
        return p.channel().capacity(p.agent(), m);
    }

    @Test
    void oneRobotCarriesEighteenSingleLeadsAndHundredsOfBurstLeadsPerMinute() {
        int budget = TestProperties.notify(Map.of()).delivery().robotLimitPerMinute();
        List<Lead> typical = MessageFixtures.leads(
                60,
                id -> MessageFixtures.typical(
                        UUID.nameUUIDFromBytes(id.getBytes()).toString(), "急"));
        List<Lead> longest = MessageFixtures.leads(
                60,
                id -> MessageFixtures.longest(
                        UUID.nameUUIDFromBytes(id.getBytes()).toString()));
        System.out.println("| channel | single leads/min | burst leads/min (typical) | burst leads/min (longest) |");
        for (MessageFixtures.Posted p : MessageFixtures.channels()) {
            // a single lead costs exactly one robot message, the mention included
            p.channel().send(p.agent(), MessageFixtures.message(typical.subList(0, 1)));
            assertThat(p.bodies()).hasSize(1);
            int single = budget;
            int burstTypical = budget * perDigest(p, typical);
            int burstLongest = budget * perDigest(p, longest);
            System.out.printf(
                    "| %s (%d B) | %d | %d | %d |%n",
                    p.channel().type() + (p.limit() == 2048 ? " text" : ""),
                    p.limit(),
                    single,
                    burstTypical,
                    burstLongest);
            assertThat(burstTypical).isGreaterThanOrEqualTo(budget * 10);
            assertThat(burstLongest).isGreaterThanOrEqualTo(budget * 3);
        }
    }
}
