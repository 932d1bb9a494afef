package cn.zschangfang.notify.channel.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A mail catcher for robot messages in the local stack: answers like a WeChat Work group robot and records what it
 * got so a person running {@code ./run.sh} sees what an agent would receive. Exists only when
 * {@code notify.sandbox.enabled=true} (profile {@code local}); production has no silent fallback to it.
 */
@RestController
@Validated
@ConditionalOnProperty(name = "notify.sandbox.enabled", havingValue = "true")
public class SandboxRobotController {

    private final SandboxMessages inbox;

    public SandboxRobotController(SandboxMessages inbox) {
        this.inbox = inbox;
    }

    @PostMapping(
            path = "/api/notify/sandbox/robot/{key}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> receive(
            @PathVariable @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String key,
            @RequestBody Map<String, Object> body) {
        Map<String, Object> message = robotMessage(body);
        if (message == null) {
            // what a WeChat Work robot answers to a body it cannot show
            return Map.of("errcode", 40008, "errmsg", "invalid message type");
        }
        inbox.record(key, message);
        return Map.of("errcode", 0, "errmsg", "ok");
    }

    /**
     * The parts of a WeChat Work robot message an agent would see ({@code text} or {@code markdown} content and its
     * mentions), or null for anything else: only these are stored, so an arbitrary JSON body (keys with dots, huge
     * numbers) cannot break the store.
     */
    static Map<String, Object> robotMessage(Map<String, Object> body) {
        Object type = body.get("msgtype");
        if (!("text".equals(type) || "markdown".equals(type))
                || !(body.get(type) instanceof Map<?, ?> part)
                || !(part.get("content") instanceof String content)) {
            return null;
        }
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("content", content);
        for (String mentions : List.of("mentioned_list", "mentioned_mobile_list")) {
            if (part.get(mentions) instanceof List<?> list) {
                inner.put(mentions, list.stream().map(String::valueOf).toList());
            }
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("msgtype", type);
        message.put((String) type, inner);
        return message;
    }

    /** Recorded messages, newest first. */
    @GetMapping(path = "/api/notify/sandbox/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<SandboxMessage> messages(
            @RequestParam(required = false) @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9._-]{1,64}")
                    String key,
            @RequestParam(defaultValue = "50")
                    @jakarta.validation.constraints.Min(1)
                    @jakarta.validation.constraints.Max(500)
                    int limit) {
        return inbox.recent(key, limit);
    }
}
