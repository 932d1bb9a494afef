package cn.zschangfang.platform.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.core.env.Environment;

/**
 * Refuses to start outside profile {@code local} while a secret still has its development default (printed in the
 * README), and in every profile while a secret is empty (an empty admin token would accept an empty bearer token).
 * The failure names the environment variables to set, never a value. Each service lists its secrets; the rule is
 * here once.
 */
public final class DevelopmentSecrets {

    /**
     * One secret: the variable that sets it, whether it is empty, whether it still holds a development default.
     * {@code blankRefused} is false for a secret that may legitimately be empty (a list of integration keys).
     */
    public record Secret(String variable, boolean blank, boolean developmentDefault, boolean blankRefused) {

        /** A single value, refused when blank or equal to one of its development defaults. */
        public static Secret of(String variable, String value, String... developmentDefaults) {
            boolean blank = value == null || value.isBlank();
            boolean dev = Arrays.stream(developmentDefaults).anyMatch(d -> Objects.equals(d, value));
            return new Secret(variable, blank, dev, true);
        }

        /** A secret that may be empty but must not contain a development default (checked by the caller). */
        public static Secret optional(String variable, boolean containsDevelopmentDefault) {
            return new Secret(variable, false, containsDevelopmentDefault, false);
        }
    }

    private DevelopmentSecrets() {}

    /** Names of the variables to set, in the order given, each once. */
    public static List<String> offending(List<Secret> secrets, List<String> activeProfiles) {
        boolean local = activeProfiles.contains("local");
        List<String> offending = new ArrayList<>();
        for (Secret s : secrets) {
            boolean bad = (s.blankRefused() && s.blank()) || (!local && s.developmentDefault());
            if (bad && !offending.contains(s.variable())) {
                offending.add(s.variable());
            }
        }
        return offending;
    }

    /** Throws {@link IllegalStateException} naming every offending variable and why; returns quietly otherwise. */
    public static void verify(Environment environment, List<Secret> secrets) {
        List<String> active = Arrays.asList(environment.getActiveProfiles());
        List<String> offending = offending(secrets, active);
        if (offending.isEmpty()) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        for (String variable : offending) {
            boolean blank =
                    secrets.stream().anyMatch(s -> s.variable().equals(variable) && s.blankRefused() && s.blank());
            reasons.add(
                    blank
                            ? variable + " is empty; set " + variable
                            : variable + " still has its development default; set " + variable
                                    + " (or run with profile 'local')");
        }
        throw new IllegalStateException("Refusing to start: " + String.join("; ", reasons));
    }
}
