package cn.zschangfang.bench;

import cn.zschangfang.localstack.StackConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 3: {@code POST /api/leads} through the gateway (integration key) at 50, 100 and 200 leads/s, each a
 * distinct valid inquiry; then every accepted lead is read back from lead-service (its MongoDB write) and looked for
 * in {@code lead.captured}.
 */
final class LeadSubmission {

    static final Pattern UUID_PATTERN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static void run(Context ctx) throws Exception {
        ctx.report.heading("3. Lead submission (POST /api/leads through the gateway, integration key)");
        Leads leads = new Leads(ctx.run + "l", System.currentTimeMillis() / 60_000 + 5_000);
        LeadPost post = new LeadPost(ctx, ctx.gateway());
        List<StepResult> steps = new ArrayList<>();
        try (Topics topics = new Topics(ctx.stack.kafkaBrokers())) {
            var from = topics.endOffsets("lead.captured");
            for (int rate : new int[] {50, 100, 200}) {
                steps.add(ctx.load.openLoop(
                        "POST @" + rate,
                        rate,
                        ctx.options.warmup(),
                        ctx.options.measure(),
                        (i, t) -> post.send(
                                leads.json(Leads.FREE_TOWNS.get((int) (i % Leads.FREE_TOWNS.size())), "l" + rate), t)));
            }
            ctx.report.steps(steps, null);
            Set<String> ids = new HashSet<>(post.accepted.keySet());
            long stored = readBack(ctx, ids);
            Thread.sleep(3000); // the outbox publishes after the answer; the relay takes the rest later
            Set<String> inTopic = new HashSet<>();
            topics.since(from).forEach(r -> {
                Matcher m = UUID_PATTERN.matcher(r.value() == null ? "" : r.value());
                while (m.find()) {
                    if (ids.contains(m.group())) {
                        inTopic.add(m.group());
                    }
                }
                if (r.key() != null && ids.contains(r.key())) {
                    inTopic.add(r.key());
                }
            });
            ctx.report
                    .line("")
                    .line(String.format(
                            Locale.ROOT,
                            "Checks of all %d accepted leads (warm-up included): %d read back from lead-service "
                                    + "(`GET /api/leads/{id}`, admin: the MongoDB write), %d found in `lead.captured`%s.",
                            ids.size(),
                            stored,
                            inTopic.size(),
                            inTopic.size() == ids.size()
                                    ? ""
                                    : " (read 3 s after the last answer; the outbox relay may still send the rest)"));
            StepResult at100 = steps.get(1);
            ctx.report.target(
                    "lead submission p99 < 50 ms at 100 leads/s",
                    "p99 " + Report.ms(at100.millis(99)) + " ms (" + at100.ok() + " accepted, " + at100.rejected()
                            + " 429)",
                    at100.millis(99) < 50 && at100.rejected() == 0,
                    at100.rejected() == 0
                            ? String.format(Locale.ROOT, "%+.0f ms", 50 - at100.millis(99))
                            : at100.rejected() + " of " + (at100.ok() + at100.rejected()) + " refused (429)");
            ctx.report.target(
                    "≥ 200 leads/s accepted in the local profile",
                    String.format(
                            Locale.ROOT,
                            "%.0f/s accepted at 200/s (%d 429)",
                            steps.get(2).okPerSecond(),
                            steps.get(2).rejected()),
                    steps.get(2).rejected() == 0 && steps.get(2).okPerSecond() >= 190,
                    "");
        }
        ctx.charts("lead-submission", "lead submission", steps);
    }

    static long readBack(Context ctx, Set<String> ids) {
        Semaphore permits = new Semaphore(16);
        AtomicLong found = new AtomicLong();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (String id : ids) {
            permits.acquireUninterruptibly();
            var request = Http.get(ctx.lead() + "/api/leads/" + id)
                    .header("Authorization", "Bearer " + StackConfig.ADMIN_TOKEN)
                    .build();
            all.add(ctx.http.status(request).whenComplete((s, e) -> {
                if (e == null && s == 200) {
                    found.incrementAndGet();
                }
                permits.release();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .join();
        return found.get();
    }
}
