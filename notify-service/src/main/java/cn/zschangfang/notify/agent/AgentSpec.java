package cn.zschangfang.notify.agent;

import cn.zschangfang.platform.text.MobileNumbers;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an agent is: used as the admin API request body and as a configuration seed ({@code notify.agents[...]}),
 * in three groups: how the agent is reached, which leads it covers and how many it takes.
 *
 * <p>The admin API's JSON stays flat ({@code {"name":…, "wecomWebhook":…, "towns":[…], "weight":…}}): the groups are
 * {@link JsonUnwrapped}, so scripts and the fault suite written against the flat body keep working, and validation
 * errors name the flat field. Configuration seeds name the group ({@code channels.wecom-webhook}), since Spring's
 * binder has no unwrapping; so does the stored document ({@code spec.channels.wecomWebhook}). An absent group is an
 * empty one.
 */
public record AgentSpec(
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "letters, digits, . _ - only")
        String id,

        @NotBlank @Size(max = 50) String name,
        AgentRole role,
        @JsonUnwrapped @Valid ChannelSettings channels,
        @JsonUnwrapped @Valid Territory territory,
        @JsonUnwrapped @Valid Capacity capacity,
        Boolean active,
        @Size(max = 64) String backup) {

    public AgentSpec {
        role = role == null ? AgentRole.AGENT : role;
        channels = channels == null ? ChannelSettings.NONE : channels;
        territory = territory == null ? Territory.ANY : territory;
        capacity = capacity == null ? Capacity.DEFAULT : capacity;
        active = active == null || active;
    }

    /**
     * How the agent is reached. {@code mobile} is normalised ({@link MobileNumbers}) before it is validated; it is
     * also the number the agent signs in with. A value that is no mainland mobile is kept as typed, so that
     * validation names the field.
     */
    public record ChannelSettings(
            @Pattern(regexp = "1[3-9]\\d{9}", message = "must be a mainland mobile number")
            String mobile,

            @Size(max = 64) String wecomUserId,
            @Size(max = 500) String wecomWebhook,
            @Size(max = 500) String dingtalkWebhook,
            @Size(max = 200) String dingtalkSecret,
            @Size(max = 500) String feishuWebhook,
            @Size(max = 200) String feishuSecret,
            Boolean sms) {

        static final ChannelSettings NONE = new ChannelSettings(null, null, null, null, null, null, null, false);

        private static final String MASK = "***";

        public ChannelSettings {
            mobile = MobileNumbers.normalize(mobile).orElse(mobile);
            // a Boolean, not a boolean: absent from the flat JSON body it is null, and means "no SMS"
            sms = sms != null && sms;
        }

        /** Whether any channel is configured: a WeChat Work, DingTalk or Feishu robot, or SMS with a mobile. */
        public boolean any() {
            return present(wecomWebhook)
                    || present(dingtalkWebhook)
                    || present(feishuWebhook)
                    || (sms && present(mobile));
        }

        /** As the admin API shows them: a secret that is set reads {@code ***}. */
        ChannelSettings masked() {
            return withSecrets(mask(dingtalkSecret), mask(feishuSecret));
        }

        /** A PUT of what GET showed carries {@code ***} for a secret: that means "unchanged", not a new secret. */
        ChannelSettings keepingMaskedSecretsOf(ChannelSettings old) {
            return withSecrets(
                    MASK.equals(dingtalkSecret) ? old.dingtalkSecret : dingtalkSecret,
                    MASK.equals(feishuSecret) ? old.feishuSecret : feishuSecret);
        }

        private ChannelSettings withSecrets(String dingtalk, String feishu) {
            return new ChannelSettings(
                    mobile, wecomUserId, wecomWebhook, dingtalkWebhook, dingtalk, feishuWebhook, feishu, sms);
        }

        private static String mask(String secret) {
            return secret == null ? null : MASK;
        }

        private static boolean present(String s) {
            return s != null && !s.isBlank();
        }
    }

    /** Which leads the agent covers; an empty list means "any". */
    public record Territory(
            List<@NotBlank String> towns,
            List<@Pattern(regexp = "FACTORY|LAND|WAREHOUSE|OFFICE") String> propertyTypes,
            List<@Pattern(regexp = "LEASE|BUY") String> intents) {

        static final Territory ANY = new Territory(null, null, null);

        public Territory {
            towns = towns == null ? List.of() : List.copyOf(towns);
            propertyTypes = propertyTypes == null ? List.of() : List.copyOf(propertyTypes);
            intents = intents == null ? List.of() : List.copyOf(intents);
        }

        public boolean covers(String town, String propertyType, String intent) {
            return (towns.isEmpty() || towns.contains(town))
                    && (propertyTypes.isEmpty() || propertyTypes.contains(propertyType))
                    && (intents.isEmpty() || intents.contains(intent));
        }
    }

    /**
     * How much and when the agent takes leads: its share in the weighted round robin, an optional cap on open
     * leads, and working hours in the routing zone (none means always).
     */
    public record Capacity(
            @Min(1) @Max(1000) Integer weight, @Min(0) Integer maxOpenLeads, List<@Valid WorkingHours> workingHours) {

        static final Capacity DEFAULT = new Capacity(null, null, null);

        public Capacity {
            weight = weight == null ? 1 : weight;
            workingHours = workingHours == null ? List.of() : List.copyOf(workingHours);
        }
    }

    /** Whether any channel is configured: a WeChat Work, DingTalk or Feishu robot, or SMS with a mobile. */
    public boolean hasChannel() {
        return channels.any();
    }

    /** The same agent under the id the registry assigned. */
    public AgentSpec withId(String newId) {
        return new AgentSpec(newId, name, role, channels, territory, capacity, active, backup);
    }

    AgentSpec withChannels(ChannelSettings newChannels) {
        return new AgentSpec(id, name, role, newChannels, territory, capacity, active, backup);
    }
}
