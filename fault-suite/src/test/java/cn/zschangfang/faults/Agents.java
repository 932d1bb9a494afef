package cn.zschangfang.faults;

import cn.zschangfang.platform.test.RobotStub;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Creates agents through notify-service's admin API, each with its own robot on the stub and its own town. */
final class Agents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Agents() {}

    /** Creates the agent on the shared stack (weight 1); returns its token. */
    static String create(SharedStack stack, String id, String town) throws IOException {
        return create(stack.notifyUrl(), stack.robots, id, town, null);
    }

    /** Creates the agent at one notify instance, with its robot on {@code robots}; returns its token. */
    static String create(String notifyUrl, RobotStub robots, String id, String town, Integer weight)
            throws IOException {
        Map<String, Object> agent = new HashMap<>(Map.of(
                "id",
                id,
                "name",
                "演练" + id.substring(id.length() - 2),
                "role",
                "AGENT",
                "towns",
                town == null ? List.of() : List.of(town),
                "wecomWebhook",
                robots.url(id)));
        if (weight != null) {
            agent.put("weight", weight);
        }
        Http.Reply reply = new Http()
                .post(notifyUrl + "/api/notify/agents", JSON.writeValueAsString(agent), Http.bearer(SharedStack.ADMIN));
        if (reply.status() == 201) {
            return JSON.readTree(reply.body()).path("token").asText();
        }
        throw new IllegalStateException("creating agent " + id + " answered " + reply.status() + " " + reply.body());
    }
}
