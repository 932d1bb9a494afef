package cn.zschangfang.bench;

import cn.zschangfang.localstack.StackConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** What every scenario shares: the options, the stack's addresses, the HTTP pool, the load shapes, the report. */
public final class Context {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

    final Options options;
    final Path projectDir;
    final StackConfig stack;
    final Http http;
    final Progress progress;
    final Load load;
    final Report report;
    final Charts charts;
    final String run;
    final RssSampler rss;
    /** Figures one scenario measured that a later one uses (e.g. the gateway's ceiling). */
    final Map<String, Double> shared = new HashMap<>();

    Context(
            Options options,
            Path projectDir,
            Http http,
            Progress progress,
            Report report,
            Charts charts,
            String run,
            RssSampler rss) {
        this.options = options;
        this.projectDir = projectDir;
        this.stack = StackConfig.defaults(projectDir);
        this.http = http;
        this.progress = progress;
        this.load = new Load(progress);
        this.report = report;
        this.charts = charts;
        this.run = run;
        this.rss = rss;
    }

    String gateway() {
        return stack.url(stack.gatewayPort());
    }

    String content() {
        return stack.url(stack.contentPort());
    }

    String lead() {
        return stack.url(stack.leadPort());
    }

    String notifyUrl() {
        return stack.url(stack.notifyPort());
    }

    String site() {
        return stack.url(stack.sitePort());
    }

    static JsonNode parse(String body) {
        return JSON.readTree(body);
    }

    void charts(String id, String title, List<StepResult> steps) {
        report.charts(charts.write(id, title, steps));
    }
}
