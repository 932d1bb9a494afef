package cn.zschangfang.notify.config;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionFailedException;

/**
 * A setting that does not bind stops start-up with the environment variable's name and, for an enumerated
 * setting, the allowed values (e.g. {@code ROUTING_STRATEGY=LEAST_OPEN_LEADS}: "allowed: WEIGHTED_ROUND_ROBIN,
 * LEAST_OPEN, SHARED_POOL"), never the secret value of a credential.
 */
public class SettingsFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

    /** The variables of application.yml, by the property they set. */
    static final Map<String, String> VARIABLES = Map.of(
            "notify.routing.strategy", "ROUTING_STRATEGY",
            "notify.ack.escalate-after", "ESCALATE_AFTER",
            "notify.duty-manager-id", "DUTY_MANAGER_ID",
            "notify.public-base-url", "PUBLIC_BASE_URL",
            "notify.sms.endpoint", "ALIYUN_SMS_ENDPOINT");

    /** Before Boot's generic bind analyzer, which names neither the variable nor the allowed values. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected FailureAnalysis analyze(Throwable root, BindException cause) {
        String property = cause.getName().toString();
        if (!property.startsWith("notify.")) {
            return null;
        }
        String setting = VARIABLES.containsKey(property) ? VARIABLES.get(property) + " (" + property + ")" : property;
        Object value = property.matches(".*(secret|token|key).*") ? null : rejected(cause);
        Class<?> target = cause.getTarget().getType().resolve(Object.class);
        String description = setting + " has a value that cannot be used" + (value == null ? "" : ": '" + value + "'");
        String action = target.isEnum()
                ? "Set " + setting + " to one of: "
                        + Arrays.stream(target.getEnumConstants())
                                .map(e -> ((Enum<?>) e).name())
                                .collect(Collectors.joining(", "))
                : "Fix " + setting + " (see docs/architecture.md and notify-service/README.md)";
        return new FailureAnalysis(description, action, cause);
    }

    /** The value after placeholders were resolved (the property itself holds {@code ${VAR:default}}). */
    private static Object rejected(BindException cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConversionFailedException failed) {
                return failed.getValue();
            }
        }
        return cause.getProperty() == null ? null : cause.getProperty().getValue();
    }
}
