package cn.zschangfang.notify.testmessage;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentAudit;
import cn.zschangfang.notify.agent.AgentAuditEntry;
import cn.zschangfang.notify.agent.AgentRegistry;
import cn.zschangfang.platform.problem.ApiException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/notify/agents/{id}/test-message} (ADMIN, by the web config's interceptor on
 * {@code /api/notify/agents/**}): a test message to each configured channel now, each result recorded in the
 * agent's audit ({@code GET /api/notify/agents/{id}/audit}).
 */
@RestController
public class TestMessageController {

    private static final Logger log = LoggerFactory.getLogger(TestMessageController.class);

    private final AgentRegistry registry;
    private final TestMessages testMessages;
    private final AgentAudit audit;

    public TestMessageController(AgentRegistry registry, TestMessages testMessages, AgentAudit audit) {
        this.registry = registry;
        this.testMessages = testMessages;
        this.audit = audit;
    }

    /** @param results one per configured channel, in the order lead messages try them (empty: none configured) */
    public record Answer(List<Item> results) {}

    /** @param detail a fixed Chinese sentence */
    public record Item(String channel, String status, String detail) {}

    @PostMapping("/api/notify/agents/{id}/test-message")
    public Answer send(@PathVariable String id) {
        Agent agent = registry.find(id).orElseThrow(() -> ApiException.notFound());
        List<TestMessages.Result> results = testMessages.send(agent);
        audit.record(
                agent.id(),
                "TEST_MESSAGE",
                results.stream()
                        .map(r -> new AgentAuditEntry.ChannelOutcome(
                                r.channel().name(), r.status().name(), r.code()))
                        .toList());
        log.info(
                "test message to agent {}: {}",
                agent.id(),
                results.stream()
                        .map(r -> r.channel() + "=" + r.status() + "(" + r.code() + ")")
                        .toList());
        return new Answer(results.stream()
                .map(r -> new Item(r.channel().name(), r.status().name(), r.detail()))
                .toList());
    }

    /** The agent's recorded administrative actions, newest first (at most 50). */
    @GetMapping("/api/notify/agents/{id}/audit")
    public List<AgentAuditEntry> audit(@PathVariable String id) {
        if (registry.find(id).isEmpty()) {
            throw ApiException.notFound();
        }
        return audit.recent(id);
    }
}
