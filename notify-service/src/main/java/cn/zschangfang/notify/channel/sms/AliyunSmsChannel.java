package cn.zschangfang.notify.channel.sms;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.channel.Channel;
import cn.zschangfang.notify.channel.ChannelType;
import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.channel.Purpose;
import cn.zschangfang.notify.channel.SendResult;
import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.lead.Lead;
import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponse;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through Alibaba Cloud's official SDK (SendSms), one lead per message (the default capacity of 1). Template
 * parameters are short ({@code town}, {@code type}, each ≤ 35 characters, Alibaba Cloud's limit per variable);
 * {@code OutId} is the delivery id.
 *
 * <p>SendSms is not idempotent, so the SDK's own retries are off, and a timeout after the request went out is
 * UNKNOWN: never resent blindly, the delivery falls through to the next step (duty manager) instead. A connection
 * that never opened is safe to retry.
 */
@Component
public class AliyunSmsChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(AliyunSmsChannel.class);
    private static final Set<String> PERMANENT = Set.of(
            "isv.MOBILE_NUMBER_ILLEGAL",
            "isv.TEMPLATE_MISSING_PARAMETERS",
            "isv.SMS_TEMPLATE_ILLEGAL",
            "isv.SMS_SIGNATURE_ILLEGAL",
            "isv.INVALID_PARAMETERS",
            "isv.AMOUNT_NOT_ENOUGH",
            "isv.OUT_OF_SERVICE",
            "isv.ACCOUNT_NOT_EXISTS",
            "isv.ACCOUNT_ABNORMAL",
            "isv.DENY_IP_RANGE",
            "isv.BLACK_KEY_CONTROL_LIMIT",
            "isv.PARAM_LENGTH_LIMIT");
    private static final Set<String> LATER =
            Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "Throttling.User", "isp.RAM_PERMISSION_DENY");
    private static final Map<String, String> TYPE =
            Map.of("FACTORY", "厂房", "LAND", "土地", "WAREHOUSE", "仓库", "OFFICE", "写字楼");
    private static final Map<String, String> INTENT = Map.of("LEASE", "租", "BUY", "购");

    private final NotifyProperties.Sms config;
    private final int timeoutMs;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Client client;

    public AliyunSmsChannel(NotifyProperties properties) {
        this.config = properties.sms();
        this.timeoutMs = (int) properties.delivery().httpTimeout().toMillis();
    }

    @Override
    public ChannelType type() {
        return ChannelType.SMS;
    }

    @Override
    public boolean availableFor(Agent agent) {
        return config.configured()
                && agent.spec().channels().sms()
                && agent.spec().channels().mobile() != null
                && !agent.spec().channels().mobile().isBlank();
    }

    /** The template names one lead's town and type: a listing-match digest has no place in it. */
    @Override
    public boolean carries(Purpose purpose) {
        return purpose != Purpose.LISTING_MATCH;
    }

    @Override
    public SendResult send(Agent agent, OutboundMessage message) {
        Map<String, String> params = new LinkedHashMap<>();
        if (message.purpose() == Purpose.TEST) {
            // the lead template with recognisable values: the admin sees the template, signature and number work
            params.put("town", "测试消息");
            params.put("type", "测试");
        } else {
            Lead lead = message.items().get(0).lead();
            params.put("town", cap(lead.town()));
            String type = INTENT.getOrDefault(String.valueOf(lead.intent()), "")
                    + TYPE.getOrDefault(String.valueOf(lead.propertyType()), "");
            params.put("type", cap(type)); // one lead per SMS (capacity 1): the template has no room for a list
        }
        SendSmsRequest request = new SendSmsRequest()
                .setPhoneNumbers(agent.spec().channels().mobile())
                .setSignName(config.signName())
                .setTemplateCode(config.templateCode())
                .setTemplateParam(json.writeValueAsString(params))
                .setOutId(message.deliveryId());
        RuntimeOptions runtime = new RuntimeOptions();
        runtime.autoretry = false; // SendSms is not idempotent
        runtime.maxAttempts = 0;
        runtime.readTimeout = timeoutMs;
        runtime.connectTimeout = timeoutMs;
        try {
            SendSmsResponse response = client().sendSmsWithOptions(request, runtime);
            String code = response.getBody() == null ? null : response.getBody().getCode();
            return classify(code);
        } catch (TeaException e) {
            // the API answered with an error status: classify its code (nothing was sent)
            return e.getCode() == null ? SendResult.transientFailure("sms-http") : classify(e.getCode());
        } catch (Exception e) {
            if (causedBy(e, ConnectException.class) || causedBy(e, UnknownHostException.class)) {
                return SendResult.transientFailure("sms-connect");
            }
            log.warn(
                    "SMS to agent {} ended without an answer ({}): not resending blindly",
                    agent.id(),
                    e.getClass().getSimpleName());
            return SendResult.unknown("sms-timeout");
        }
    }

    static SendResult classify(String code) {
        if ("OK".equals(code)) {
            return SendResult.sent();
        }
        if (code == null) {
            return SendResult.unknown("sms-no-code");
        }
        if (LATER.contains(code)) {
            return SendResult.rateLimited(code);
        }
        if (PERMANENT.contains(code) || code.startsWith("isv.")) {
            return SendResult.permanent(code);
        }
        return SendResult.transientFailure(code); // isp.* : the platform failed before sending
    }

    private Client client() throws Exception {
        Client c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    Config cfg = new Config()
                            .setAccessKeyId(config.accessKeyId())
                            .setAccessKeySecret(config.accessKeySecret())
                            .setEndpoint(config.endpoint())
                            .setProtocol(config.protocol().name())
                            .setReadTimeout(timeoutMs)
                            .setConnectTimeout(timeoutMs);
                    client = new Client(cfg);
                }
                c = client;
            }
        }
        return c;
    }

    private static String cap(String s) {
        if (s == null) {
            return "";
        }
        return s.codePointCount(0, s.length()) <= 35 ? s : s.substring(0, s.offsetByCodePoints(0, 35));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
