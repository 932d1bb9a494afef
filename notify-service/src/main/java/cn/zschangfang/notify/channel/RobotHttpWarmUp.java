package cn.zschangfang.notify.channel;

import cn.zschangfang.platform.warmup.WarmUp;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sends one robot POST, through the same {@link RobotHttp} client as every message, to this service's own health
 * endpoint before it reports ready (see {@link WarmUp}): the HTTP client, its JSON writing and its reply handling.
 * The endpoint refuses a POST (4xx): nothing is recorded or sent anywhere, and the refusal takes the path a robot's
 * error reply would.
 */
@Component
class RobotHttpWarmUp extends WarmUp {

    private final RobotHttp http;
    private volatile RobotHttp.Reply reply;

    RobotHttpWarmUp(RobotHttp http, Environment environment) {
        super("robot client", environment);
        this.http = http;
    }

    @Override
    protected String warm(String ownBaseUrl) {
        reply = http.post(
                ownBaseUrl + "/actuator/health", Map.of("msgtype", "markdown", "markdown", Map.of("content", "启动预热")));
        return reply.httpFailure() == null
                ? "answered"
                : "answered " + reply.httpFailure().code();
    }

    /** The reply of the last run; null before it ran. */
    RobotHttp.Reply reply() {
        return reply;
    }
}
