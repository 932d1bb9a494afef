package cn.zschangfang.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.channel.dingtalk.DingTalkRobotChannel;
import cn.zschangfang.notify.channel.feishu.FeishuRobotChannel;
import cn.zschangfang.notify.channel.sms.AliyunSmsChannel;
import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.support.AgentSpecBuilder;
import cn.zschangfang.notify.support.FakeRobot;
import cn.zschangfang.notify.support.TestProperties;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** DingTalk, Feishu and Alibaba Cloud SMS channels against a local HTTP server standing in for each platform. */
class ChannelSigningAndSmsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private final FakeRobot server = new FakeRobot();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @AfterEach
    void stop() {
        server.close();
    }

    private static Agent agent(
            String mobile, boolean sms, String ding, String dingSecret, String feishu, String feishuSecret) {
        return new Agent(
                "a1",
                AgentSpecBuilder.agent("a1")
                        .name("葛毅明")
                        .mobile(mobile)
                        .sms(sms)
                        .dingtalk(ding, dingSecret)
                        .feishu(feishu, feishuSecret)
                        .build(),
                null,
                0,
                NOW,
                NOW);
    }

    private static OutboundMessage message() {
        return MessageFixtures.message(List.of(MessageFixtures.typical("lead-1", "留言 [x](http://e)")));
    }

    private NotifyProperties props(Map<String, String> extra) {
        Map<String, String> m = new HashMap<>(Map.of(
                "notify.sms.endpoint", "127.0.0.1:" + server.port(),
                "notify.sms.protocol", "HTTP",
                "notify.sms.access-key-id", "test-key-id",
                "notify.sms.access-key-secret", "test-key-secret",
                "notify.sms.sign-name", "中山厂房网",
                "notify.sms.template-code", "SMS_123456",
                // generous: two shared cores under load answer a local request in seconds, not milliseconds
                "notify.delivery.http-timeout", "5s"));
        m.putAll(extra);
        return TestProperties.notify(m);
    }

    private static String hmacBase64(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data));
    }

    private static Map<String, String> params(FakeRobot.Request r) {
        Map<String, String> out = new HashMap<>();
        for (String part : List.of(r.query() == null ? "" : r.query(), r.body() == null ? "" : r.body())) {
            for (String kv : part.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    out.put(
                            URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    @Test
    void smsGoesThroughTheOfficialSdkWithTemplateAndOutId() {
        server.defaultReply(
                new FakeRobot.Reply(200, "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"b1\",\"RequestId\":\"r1\"}"));
        var channel = new AliyunSmsChannel(props(Map.of()));
        Agent agent = agent("13900001111", true, null, null, null, null);
        assertThat(channel.availableFor(agent)).isTrue();

        SendResult result = channel.send(agent, message());

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SENT);
        assertThat(server.received("/")).hasSize(1);
        Map<String, String> p = params(server.received("/").get(0));
        assertThat(server.received("/").get(0).headers())
                .containsEntry("x-acs-action", "SendSms")
                .containsEntry("x-acs-version", "2017-05-25");
        assertThat(server.received("/").get(0).headers().get("authorization")).contains("test-key-id");
        assertThat(p)
                .containsEntry("PhoneNumbers", "13900001111")
                .containsEntry("SignName", "中山厂房网")
                .containsEntry("TemplateCode", "SMS_123456")
                .containsEntry("OutId", "d-1");
        JsonNode templateParam = json.readTree(p.get("TemplateParam"));
        assertThat(templateParam.get("town").asString()).isEqualTo("沙溪镇");
        assertThat(templateParam.get("type").asString()).isEqualTo("租仓库");
        assertThat(p.get("TemplateParam")).doesNotContain("138").doesNotContain("留言");
    }

    @Test
    void smsTemplateVariablesStayWithinAlibabaCloudsLimitWithTheLongestValues() {
        server.defaultReply(new FakeRobot.Reply(200, "{\"Code\":\"OK\",\"Message\":\"OK\",\"RequestId\":\"r1\"}"));
        var channel = new AliyunSmsChannel(props(Map.of()));
        Agent agent = agent("13900001111", true, null, null, null, null);
        var longest = MessageFixtures.message(List.of(MessageFixtures.longest("0f8fad5b-d9cb-469f-a165-70867728950e")));

        assertThat(channel.capacity(agent, longest)).isEqualTo(1); // one lead per SMS, never a list
        assertThat(channel.send(agent, longest).outcome()).isEqualTo(SendResult.Outcome.SENT);

        JsonNode templateParam =
                json.readTree(params(server.received("/").get(0)).get("TemplateParam"));
        for (String name : List.of("town", "type")) {
            String value = templateParam.get(name).asString();
            assertThat(value.codePointCount(0, value.length())).as(name).isLessThanOrEqualTo(35);
        }
        assertThat(templateParam.get("town").asString()).startsWith("沙沙沙");
    }

    @Test
    void smsCodesAreClassifiedAsTheIssueSays() {
        var channel = new AliyunSmsChannel(props(Map.of()));
        Agent agent = agent("13900001111", true, null, null, null, null);
        Map<String, SendResult.Outcome> expected = Map.of(
                "isv.BUSINESS_LIMIT_CONTROL", SendResult.Outcome.RATE_LIMITED,
                "isv.MOBILE_NUMBER_ILLEGAL", SendResult.Outcome.PERMANENT,
                "isv.TEMPLATE_MISSING_PARAMETERS", SendResult.Outcome.PERMANENT);
        expected.forEach((code, outcome) -> {
            server.defaultReply(
                    new FakeRobot.Reply(200, "{\"Code\":\"" + code + "\",\"Message\":\"x\",\"RequestId\":\"r\"}"));
            assertThat(channel.send(agent, message()).outcome()).as(code).isEqualTo(outcome);
        });
    }

    @Test
    void smsTimeoutIsUnknownAndNeverResentBlindly() {
        server.defaultReply(new FakeRobot.Reply(200, "{\"Code\":\"OK\"}", 2500));
        var channel = new AliyunSmsChannel(props(Map.of("notify.delivery.http-timeout", "1s")));

        SendResult result = channel.send(agent("13900001111", true, null, null, null, null), message());

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.UNKNOWN);
        assertThat(server.received("/")).hasSize(1); // the SDK did not retry on its own
    }

    @Test
    void smsIsUnavailableWithoutCredentialsOrWithoutAMobile() {
        var unconfigured = new AliyunSmsChannel(TestProperties.notify(Map.of()));
        assertThat(unconfigured.availableFor(agent("13900001111", true, null, null, null, null)))
                .isFalse();
        assertThat(new AliyunSmsChannel(props(Map.of())).availableFor(agent(null, true, null, null, null, null)))
                .isFalse();
    }

    @Test
    void dingTalkSignsTimestampAndSecretIntoTheQuery() throws Exception {
        var channel = new DingTalkRobotChannel(new cn.zschangfang.notify.channel.RobotHttp(props(Map.of())), clock);
        Agent agent = agent(null, false, server.url("/robot/send?access_token=tok"), "SECabc", null, null);

        assertThat(channel.send(agent, message()).outcome()).isEqualTo(SendResult.Outcome.SENT);

        FakeRobot.Request r = server.received("/robot/send").get(0);
        Map<String, String> q = params(new FakeRobot.Request(r.method(), r.path(), r.query(), "", Map.of()));
        long ts = NOW.toEpochMilli();
        assertThat(q).containsEntry("access_token", "tok").containsEntry("timestamp", String.valueOf(ts));
        assertThat(q.get("sign"))
                .isEqualTo(hmacBase64(
                        "SECabc".getBytes(StandardCharsets.UTF_8), (ts + "\nSECabc").getBytes(StandardCharsets.UTF_8)));
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("msgtype").asString()).isEqualTo("markdown");
        assertThat(body.get("markdown").get("text").asString()).contains("沙溪镇").doesNotContain("](http://e)");
    }

    @Test
    void dingTalkErrorsInside200AreRead() {
        server.defaultReply(new FakeRobot.Reply(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"));
        var channel = new DingTalkRobotChannel(new cn.zschangfang.notify.channel.RobotHttp(props(Map.of())), clock);
        assertThat(channel.send(agent(null, false, server.url("/d"), "s", null, null), message())
                        .outcome())
                .isEqualTo(SendResult.Outcome.PERMANENT);
    }

    @Test
    void feishuPutsTimestampAndSignatureInTheBody() throws Exception {
        server.defaultReply(new FakeRobot.Reply(200, "{\"code\":0,\"msg\":\"success\"}"));
        var channel = new FeishuRobotChannel(new cn.zschangfang.notify.channel.RobotHttp(props(Map.of())), clock);
        Agent agent = agent(null, false, null, null, server.url("/open-apis/bot/v2/hook/x"), "fsecret");

        assertThat(channel.send(agent, message()).outcome()).isEqualTo(SendResult.Outcome.SENT);

        JsonNode body =
                json.readTree(server.received("/open-apis/bot/v2/hook/x").get(0).body());
        long ts = NOW.getEpochSecond();
        assertThat(body.get("timestamp").asString()).isEqualTo(String.valueOf(ts));
        assertThat(body.get("sign").asString())
                .isEqualTo(hmacBase64((ts + "\nfsecret").getBytes(StandardCharsets.UTF_8), new byte[0]));
        assertThat(body.get("msg_type").asString()).isEqualTo("text");
        assertThat(body.get("content").get("text").asString()).contains("沙溪镇");

        server.defaultReply(new FakeRobot.Reply(200, "{\"code\":19021,\"msg\":\"sign match fail\"}"));
        assertThat(channel.send(agent, message()).outcome()).isEqualTo(SendResult.Outcome.PERMANENT);
    }
}
