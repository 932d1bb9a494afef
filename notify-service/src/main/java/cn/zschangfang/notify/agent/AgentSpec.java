package cn.zschangfang.notify.agent;

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
