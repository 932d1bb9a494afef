package cn.zschangfang.notify.channel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxRobotMessageTest {

    @Test
    void keepsOnlyWhatTheRobotShowsSoHostileKeysAndHugeNumbersNeverReachTheStore() {
        Map<String, Object> body = Map.of(
                "msgtype",
                "text",
                "text",
                Map.of("content", "新询盘", "mentioned_mobile_list", List.of("13900000001"), "a.b", 1),
                "$where",
                new BigInteger("123456789012345678901234567890"));

        assertThat(SandboxRobotController.robotMessage(body))
                .isEqualTo(Map.of(
                        "msgtype",
                        "text",
                        "text",
                        Map.of("content", "新询盘", "mentioned_mobile_list", List.of("13900000001"))));
    }

    @Test
    void anythingThatIsNotATextOrMarkdownMessageIsRefused() {
        assertThat(SandboxRobotController.robotMessage(Map.of("msgtype", "image")))
                .isNull();
        assertThat(SandboxRobotController.robotMessage(Map.of("msgtype", "markdown", "markdown", "x")))
                .isNull();
        assertThat(SandboxRobotController.robotMessage(Map.of("a.b", Map.of("c", 1))))
                .isNull();
    }
}
