package cn.zschangfang.bench;

import cn.zschangfang.localstack.DemoData;
import cn.zschangfang.localstack.StackConfig;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Scenario 1: the same GET of an article and the same view beacon straight to content-service, through nginx and
 * through the gateway: the ceiling of each (closed loop, 16 connections as the issue's wrk run), then an open loop at
 * half the gateway's ceiling against all three.
 */
final class GatewayOverhead {

    static final int CONNECTIONS = 16;

    static void run(Context ctx, Nginx nginx) {
        ctx.report.heading("1. Gateway overhead");
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("direct", ctx.content());
        targets.put("nginx", nginx.url());
        targets.put("gateway", ctx.gateway());
        String slug = DemoData.SEED_ARTICLE;
        for (String endpoint : List.of("GET article", "POST view")) {
            Map<String, Load.Call> calls = new LinkedHashMap<>();
            targets.forEach((name, base) -> calls.put(name, call(ctx, endpoint, base, slug)));
            List<StepResult> ceilings = new ArrayList<>();
            calls.forEach((name, call) -> ceilings.add(ctx.load.closedLoop(
                    endpoint + " " + name + " max", CONNECTIONS, ctx.options.warmup(), ctx.options.measure(), call)));
            StepResult nginxMax = ceilings.get(1);
            StepResult gatewayMax = ceilings.get(2);
            ctx.report
                    .line("### " + endpoint + ": ceilings (closed loop, " + CONNECTIONS + " connections)")
                    .line("");
            ctx.report.steps(ceilings, nginxMax);
            ctx.shared.put(endpoint + ".direct.max", ceilings.get(0).okPerSecond());
            double half = Math.max(1, Math.floor(gatewayMax.answeredPerSecond() / 2));
            List<StepResult> open = new ArrayList<>();
            calls.forEach((name, call) -> open.add(ctx.load.openLoop(
                    endpoint + " " + name + " @" + Report.fmt(half),
                    half,
                    ctx.options.warmup(),
                    ctx.options.measure(),
                    call)));
            ctx.report
                    .line("")
                    .line("### " + endpoint + ": open loop at half the gateway's ceiling (" + Report.fmt(half)
                            + " req/s), latency from the intended start")
                    .line("");
            ctx.report.steps(open, open.get(0));
            double ratio = gatewayMax.okPerSecond() / Math.max(1e-9, nginxMax.okPerSecond());
            ctx.report.target(
                    endpoint + ": gateway ≥ 70 % of nginx's throughput",
                    String.format(
                            Locale.ROOT,
                            "%.0f vs %.0f req/s (%.0f %%)",
                            gatewayMax.okPerSecond(),
                            nginxMax.okPerSecond(),
                            ratio * 100),
                    ratio >= 0.7,
                    String.format(Locale.ROOT, "%+.0f points", ratio * 100 - 70));
            double added = open.get(2).millis(50) - open.get(0).millis(50);
            ctx.report.target(
                    endpoint + ": gateway adds ≤ 2 ms at p50 at half load",
                    String.format(
                            Locale.ROOT,
                            "p50 %s ms vs %s ms direct (+%s ms)",
                            Report.ms(open.get(2).millis(50)),
                            Report.ms(open.get(0).millis(50)),
                            Report.ms(added)),
                    added <= 2,
                    String.format(Locale.ROOT, "%+.2f ms", 2 - added));
            List<StepResult> all = new ArrayList<>(open);
            ctx.charts(
                    endpoint.replace(' ', '-').toLowerCase(Locale.ROOT),
                    endpoint + " @" + Report.fmt(half) + "/s",
                    all);
        }
    }

    static Load.Call call(Context ctx, String endpoint, String base, String slug) {
        if (endpoint.startsWith("GET")) {
            HttpRequest get = Http.get(base + "/api/content/articles/" + slug).build();
            return i -> ctx.http.status(get);
        }
        String url = base + "/api/content/articles/" + slug + "/views";
        String prefix = "bench-" + ctx.run + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        // A new visitor per beacon, across every step that shares this call (not the step's sequence number, which
        // restarts): every one is counted (a MongoDB insert), the expensive path.
        java.util.concurrent.atomic.AtomicLong visitor = new java.util.concurrent.atomic.AtomicLong();
        // With the development integration key, the same on all three paths: from one address the gateway's per-client
        // budget (2000 a minute) would answer 429 within seconds and the step would measure refusals, not proxying.
        return i -> ctx.http.status(Http.postJson(url, "{\"visitorId\":\"" + prefix + visitor.incrementAndGet() + "\"}")
                .header("X-Api-Key", StackConfig.INTEGRATION_KEY)
                .build());
    }
}
