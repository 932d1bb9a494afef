package cn.zschangfang.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md and a service's code agree: every variable the doc lists for the service sets a property it
 * reads ({@link DocumentedVariables}), and the check itself tells a real key from a misspelt one. A service's test
 * extends this and names its configuration records and a few keys of each kind.
 */
public abstract class DocumentedVariablesCheck {

    private final DocumentedVariables variables;
    private final Set<String> routeIds;
    private final List<String> realKeys;
    private final List<String> unknownKeys;

    /**
     * @param routeIds what a variable's {@code <ROUTE>} placeholder stands for (gateway), else empty
     * @param realKeys properties the service reads, which the check must accept
     * @param unknownKeys misspelt or partial keys, which it must refuse
     */
    protected DocumentedVariablesCheck(
            DocumentedVariables variables, Set<String> routeIds, List<String> realKeys, List<String> unknownKeys) {
        this.variables = variables;
        this.routeIds = routeIds;
        this.realKeys = realKeys;
        this.unknownKeys = unknownKeys;
    }

    @Test
    void everyVariableTheDocListsForThisServiceSetsAPropertyItReads() {
        variables.assertEachSetsAProperty(routeIds);
    }

    @Test
    void aMisspeltOrUnknownKeyIsNotAPropertyTheServiceReads() {
        realKeys.forEach(key -> assertThat(variables.isReal(key)).as(key).isTrue());
        unknownKeys.forEach(key -> assertThat(variables.isReal(key)).as(key).isFalse());
    }
}
