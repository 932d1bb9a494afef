package cn.zschangfang.notify.support;

import cn.zschangfang.notify.agent.AgentRole;
import cn.zschangfang.notify.agent.AgentSpec;
import cn.zschangfang.notify.agent.AgentSpec.Capacity;
import cn.zschangfang.notify.agent.AgentSpec.ChannelSettings;
import cn.zschangfang.notify.agent.AgentSpec.Territory;
import cn.zschangfang.notify.agent.WorkingHours;
import java.util.List;

/** Active agents for tests, built by what a test cares about; the rest is "any territory, default capacity". */
public final class AgentSpecBuilder {

    private String id;
    private String name = "测试经纪人";
    private AgentRole role = AgentRole.AGENT;
    private String mobile;
    private String wecomUserId;
    private String wecomWebhook;
    private String dingtalkWebhook;
    private String dingtalkSecret;
    private String feishuWebhook;
    private String feishuSecret;
    private boolean sms;
    private List<String> towns = List.of();
    private List<String> propertyTypes = List.of();
    private Integer weight = 1;
    private Integer maxOpenLeads;
    private List<WorkingHours> workingHours = List.of();
    private boolean active = true;
    private String backup;

    private AgentSpecBuilder() {}

    public static AgentSpecBuilder agent(String id) {
        AgentSpecBuilder b = new AgentSpecBuilder();
        b.id = id;
        return b;
    }

    public AgentSpecBuilder name(String v) {
        name = v;
        return this;
    }

    public AgentSpecBuilder role(AgentRole v) {
        role = v;
        return this;
    }

    public AgentSpecBuilder mobile(String v) {
        mobile = v;
        return this;
    }

    public AgentSpecBuilder wecomUserId(String v) {
        wecomUserId = v;
        return this;
    }

    public AgentSpecBuilder wecom(String webhook) {
        wecomWebhook = webhook;
        return this;
    }

    public AgentSpecBuilder dingtalk(String webhook, String secret) {
        dingtalkWebhook = webhook;
        dingtalkSecret = secret;
        return this;
    }

    public AgentSpecBuilder feishu(String webhook, String secret) {
        feishuWebhook = webhook;
        feishuSecret = secret;
        return this;
    }

    public AgentSpecBuilder sms(boolean v) {
        sms = v;
        return this;
    }

    public AgentSpecBuilder towns(List<String> v) {
        towns = v;
        return this;
    }

    public AgentSpecBuilder propertyTypes(List<String> v) {
        propertyTypes = v;
        return this;
    }

    public AgentSpecBuilder weight(Integer v) {
        weight = v;
        return this;
    }

    public AgentSpecBuilder maxOpenLeads(Integer v) {
        maxOpenLeads = v;
        return this;
    }

    public AgentSpecBuilder workingHours(List<WorkingHours> v) {
        workingHours = v;
        return this;
    }

    public AgentSpecBuilder active(boolean v) {
        active = v;
        return this;
    }

    public AgentSpecBuilder backup(String agentId) {
        backup = agentId;
        return this;
    }

    public AgentSpec build() {
        return new AgentSpec(
                id,
                name,
                role,
                new ChannelSettings(
                        mobile,
                        wecomUserId,
                        wecomWebhook,
                        dingtalkWebhook,
                        dingtalkSecret,
                        feishuWebhook,
                        feishuSecret,
                        sms),
                new Territory(towns, propertyTypes, List.of()),
                new Capacity(weight, maxOpenLeads, workingHours),
                active,
                backup);
    }
}
