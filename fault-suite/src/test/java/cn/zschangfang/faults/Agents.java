package cn.zschangfang.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/** Creates agents through notify-service's admin API, each with its own robot on the stub and its own town. */
final class Agents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Agents() {}

    /** Creates (or, when it exists from an earlier class, keeps) the agent; returns its token, null if kept. */
    static String create(SharedStack stack, String id, String town) throws IOException {
        String body = JSON.writeValueAsString(Map.of(
                "id",
                id,
                "name",
                "演练" + id.substring(id.length() - 2),
                "role",
                "AGENT",
                "towns",
                town == null ? java.util.List.of() : java.util.List.of(town),
                "wecomWebhook",
                stack.robots.url(id)));
        Http.Reply reply =
                new Http().post(stack.notifyUrl() + "/api/notify/agents", body, Http.bearer(SharedStack.ADMIN));
        if (reply.status() == 201) {
            return JSON.readTree(reply.body()).path("token").asText();
        }
        throw new IllegalStateException("creating agent " + id + " answered " + reply.status() + " " + reply.body());
    }
}
