package cn.zschangfang.gateway.limit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Finds the limit rule of a request (method and path pattern, first match wins). */
public final class LimitRules {

    private record Compiled(LimitProperties.Rule rule, PathPattern pattern) {}

    private final List<Compiled> rules;
    private final DataSize defaultMaxBodySize;

    public LimitRules(LimitProperties properties) {
        this.rules = properties.rules().stream()
                .map(rule -> new Compiled(rule, PathPatternParser.defaultInstance.parse(rule.path())))
                .toList();
        this.defaultMaxBodySize = properties.defaultMaxBodySize();
    }

    public Optional<LimitProperties.Rule> match(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        for (Compiled compiled : rules) {
            LimitProperties.Method method = compiled.rule().method();
            if ((method == null || method.matches(request))
                    && compiled.pattern().matches(path)) {
                return Optional.of(compiled.rule());
            }
        }
        return Optional.empty();
    }

    public long maxBodyBytes(HttpServletRequest request) {
        return match(request)
                .map(LimitProperties.Rule::maxBodySize)
                .orElse(defaultMaxBodySize)
                .toBytes();
    }
}
