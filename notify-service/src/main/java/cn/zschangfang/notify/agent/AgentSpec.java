package cn.zschangfang.notify.agent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an agent is: used as the admin API request body and as a configuration seed ({@code notify.agents[...]}).
 * Empty {@code towns}/{@code propertyTypes}/{@code intents} mean "any"; absent {@code workingHours} means always.
 * {@code mobile} is normalised ({@link Mobiles}) before it is validated.
 */
public record AgentSpec(
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "letters, digits, . _ - only")
        String id,

        @NotBlank @Size(max = 50) String name,
        AgentRole role,

        @Pattern(regexp = "1[3-9]\\d{9}", message = "must be a mainland mobile number")
        String mobile,

        @Size(max = 64) String wecomUserId,
        @Size(max = 500) String wecomWebhook,
        @Size(max = 500) String dingtalkWebhook,
        @Size(max = 200) String dingtalkSecret,
        @Size(max = 500) String feishuWebhook,
        @Size(max = 200) String feishuSecret,
        Boolean sms,
        List<@NotBlank String> towns,
        List<@Pattern(regexp = "FACTORY|LAND|WAREHOUSE|OFFICE") String> propertyTypes,
        List<@Pattern(regexp = "LEASE|BUY") String> intents,
        @Min(1) @Max(1000) Integer weight,
        @Min(0) Integer maxOpenLeads,
        List<@Valid WorkingHours> workingHours,
        Boolean active,
        @Size(max = 64) String backup) {

    public AgentSpec {
        role = role == null ? AgentRole.AGENT : role;
        mobile = Mobiles.normalize(mobile);
        sms = sms != null && sms;
        towns = towns == null ? List.of() : List.copyOf(towns);
        propertyTypes = propertyTypes == null ? List.of() : List.copyOf(propertyTypes);
        intents = intents == null ? List.of() : List.copyOf(intents);
        weight = weight == null ? 1 : weight;
        workingHours = workingHours == null ? List.of() : List.copyOf(workingHours);
        active = active == null || active;
    }

    /**
     * How the agent is reached. The request body and the {@code notify.agents[...]} seeds stay flat (the admin API's
     * contract, used by scripts and the fault suite); code reads the fields in these three groups.
     */
    public record ChannelSettings(
            String mobile,
            String wecomUserId,
            String wecomWebhook,
            String dingtalkWebhook,
            String dingtalkSecret,
            String feishuWebhook,
            String feishuSecret,
            boolean sms) {}

    /** Which leads the agent covers; an empty list means "any". */
    public record Territory(List<String> towns, List<String> propertyTypes, List<String> intents) {

        public boolean covers(String town, String propertyType, String intent) {
            return (towns.isEmpty() || towns.contains(town))
                    && (propertyTypes.isEmpty() || propertyTypes.contains(propertyType))
                    && (intents.isEmpty() || intents.contains(intent));
        }
    }

    /** How much and when the agent takes leads. */
    public record Capacity(int weight, Integer maxOpenLeads, List<WorkingHours> workingHours) {}

    @JsonIgnore
    public ChannelSettings channels() {
        return new ChannelSettings(
                mobile, wecomUserId, wecomWebhook, dingtalkWebhook, dingtalkSecret, feishuWebhook, feishuSecret, sms);
    }

    @JsonIgnore
    public Territory territory() {
        return new Territory(towns, propertyTypes, intents);
    }

    @JsonIgnore
    public Capacity capacity() {
        return new Capacity(weight, maxOpenLeads, workingHours);
    }

    /** Whether any channel is configured: a WeChat Work, DingTalk or Feishu robot, or SMS with a mobile. */
    public boolean hasChannel() {
        return present(wecomWebhook)
                || present(dingtalkWebhook)
                || present(feishuWebhook)
                || (Boolean.TRUE.equals(sms) && present(mobile));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** The same agent under the id the registry assigned. */
    public AgentSpec withId(String newId) {
        return new AgentSpec(
                newId,
                name,
                role,
                mobile,
                wecomUserId,
                wecomWebhook,
                dingtalkWebhook,
                dingtalkSecret,
                feishuWebhook,
                feishuSecret,
                sms,
                towns,
                propertyTypes,
                intents,
                weight,
                maxOpenLeads,
                workingHours,
                active,
                backup);
    }

    /** The same agent with another backup, who takes its unacknowledged leads. */
    public AgentSpec withBackup(String newBackup) {
        return new AgentSpec(
                id,
                name,
                role,
                mobile,
                wecomUserId,
                wecomWebhook,
                dingtalkWebhook,
                dingtalkSecret,
                feishuWebhook,
                feishuSecret,
                sms,
                towns,
                propertyTypes,
                intents,
                weight,
                maxOpenLeads,
                workingHours,
                active,
                newBackup);
    }
}
