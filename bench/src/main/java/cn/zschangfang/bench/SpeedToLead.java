package cn.zschangfang.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 4: from just before {@code POST /api/leads} (the intended start) to the bench's robot receiving the
 * message naming the lead, at 10, 50 and 100 leads/s over 50 bench agents (12 towns no demo agent owns), and a burst
 * of 100 leads to one agent (its own town) to show the digests. The agents are deactivated at the end.
 */
final class SpeedToLead {

    static final int AGENTS = 50;
    /**
     * A robot may send 18 messages a minute (WeCom allows 20), so 50 leads/s over 50 agents (60 a minute each) must
     * fold into digests whatever notify does. 200 agents (15 a minute each) keep every robot under its budget: that
     * step measures notify itself.
     */
    static final int UNBOUND_AGENTS = 200;

    static void run(Context ctx) throws Exception {
        ctx.report.heading("4. Speed to lead (POST through the gateway → the bench's robot)");
        try (RobotReceiver robot = new RobotReceiver()) {
            Agents agents = new Agents(ctx);
            try {
                List<String> towns = Leads.FREE_TOWNS.subList(0, 12);
                for (int a = 0; a < AGENTS; a++) {
                    String id = "bench-" + ctx.run + "-" + String.format("%02d", a);
                    agents.register(id, towns.get(a % towns.size()), robot.url(id));
                }
                String burstTown = Leads.FREE_TOWNS.get(12);
                String burstAgent = "bench-" + ctx.run + "-burst";
                agents.register(burstAgent, burstTown, robot.url(burstAgent));
                ctx.progress.line(
                        "speed to lead: " + agents.ids.size() + " agents registered, robot at " + robot.baseUrl());
                Leads leads = new Leads(ctx.run + "s", System.currentTimeMillis() / 60_000);

                // The burst first (the integration key's bucket is full now); its digests arrive while the steps run.
                LeadPost burstPost = new LeadPost(ctx, ctx.gateway());
                long burstStart = System.nanoTime();
                StepResult burst = ctx.load.openLoop(
                        "burst 100 to one agent",
                        200,
                        Duration.ZERO,
                        Duration.ofMillis(500),
                        (i, t) -> burstPost.send(leads.json(burstTown, "burst"), t));

                Steps steps = new Steps(ctx, robot, leads, towns);
                // @100 last: what it leaves undelivered after its wait would otherwise be measured as the next step's
                // delay.
                steps.run("speed to lead @10", "POST @10", "s10", 10, ctx.options.measure());
                steps.run("speed to lead @50", "POST @50", "s50", 50, ctx.options.longMeasure());
                for (int a = AGENTS; a < UNBOUND_AGENTS; a++) {
                    String id = "bench-" + ctx.run + "-" + String.format("%03d", a);
                    agents.register(id, towns.get(a % towns.size()), robot.url(id));
                }
                ctx.progress.line("speed to lead: " + UNBOUND_AGENTS + " agents now share the 12 towns");
                steps.run(
                        "speed to lead @50, 200 agents", "POST @50, 200 agents", "u50", 50, ctx.options.longMeasure());
                steps.run("speed to lead @100", "POST @100", "s100", 100, ctx.options.measure());
                report(ctx, steps.delivered, steps.posts);
                burstReport(ctx, robot, burstAgent, burst, burstPost, burstStart);
            } finally {
                int done = agents.deactivateAll();
                ctx.report
                        .line("")
                        .line("Clean-up: " + done + " of " + agents.ids.size() + " bench agents deactivated"
                                + " (DELETE; their records stay in notify's registry, inactive, ids `bench-" + ctx.run
                                + "-*`).");
            }
        }
    }

    /** The measured steps: each POSTs leads at a rate, then records how soon each accepted one reached its robot. */
    private static final class Steps {
        private final Context ctx;
        private final RobotReceiver robot;
        private final Leads leads;
        private final List<String> towns;
        final List<StepResult> posts = new ArrayList<>();
        final List<StepResult> delivered = new ArrayList<>();

        Steps(Context ctx, RobotReceiver robot, Leads leads, List<String> towns) {
            this.ctx = ctx;
            this.robot = robot;
            this.leads = leads;
            this.towns = towns;
        }

        void run(String step, String postName, String tag, int rate, Duration measure) throws Exception {
            settled(ctx, step);
            LeadPost post = new LeadPost(ctx, ctx.gateway());
            long[] first = {0};
            posts.add(ctx.load.openLoop(postName, rate, ctx.options.warmup(), measure, (i, t) -> {
                if (i == 0) {
                    first[0] = t;
                }
                return post.send(leads.json(towns.get((int) (i % towns.size())), tag), t);
            }));
            long measureFrom = first[0] + ctx.options.warmup().toNanos();
            delivered.add(await(ctx, robot, post.accepted, measureFrom, measure, step, rate));
        }
    }

    /** Waits for a quiet machine before a step and says in the results whether it got one. */
    private static void settled(Context ctx, String step) throws InterruptedException {
        String settled = Machine.settle(ctx);
        ctx.progress.line(step + ": " + settled);
        ctx.report.line("").line("_Before " + step + ": " + settled + "._");
    }

    /** Waits until every accepted lead of a step reached the robot (or 90 s), then records their speed to lead. */
    static StepResult await(
            Context ctx,
            RobotReceiver robot,
            Map<String, Long> accepted,
            long measureFrom,
            Duration measure,
            String name,
            double rate)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ctx.options.quick() ? 30 : 90);
        while (System.nanoTime() < deadline && accepted.keySet().stream().anyMatch(id -> robot.arrival(id) == null)) {
            Thread.sleep(200);
        }
        Recorder recorder = new Recorder((int) measure.toSeconds());
        accepted.forEach((id, intended) -> {
            if (intended < measureFrom) {
                return;
            }
            int second = (int) ((intended - measureFrom) / 1_000_000_000L);
            Long arrival = robot.arrival(id);
            recorder.record(
                    second,
                    arrival == null ? System.nanoTime() - intended : arrival - intended,
                    arrival == null ? -1 : 200);
        });
        StepResult result = StepResult.of(name, rate, measure.toSeconds(), recorder);
        ctx.progress.line(String.format(
                Locale.ROOT,
                "%s: %d received, %d not received, p50 %s ms, p99 %s ms",
                name,
                result.ok(),
                result.errors(),
                Report.ms(result.millis(50)),
                Report.ms(result.millis(99))));
        return result;
    }

    static void report(Context ctx, List<StepResult> steps, List<StepResult> posts) {
        ctx.report
                .line("The POSTs (201 = accepted; 429 = refused by a rate limit, never counted as a lead):")
                .line("");
        ctx.report.steps(posts, null);
        ctx.report
                .line("")
                .line(
                        "Speed to lead of the accepted leads of each measured window (\"errors\" = accepted "
                                + "but not at the robot within 90 s after the step; their time is counted up to the end of the wait):")
                .line("");
        ctx.report.steps(steps, null);
        StepResult target = steps.get(1);
        ctx.report.target(
                "speed to lead p99 < 300 ms at 50 leads/s over 50 agents for "
                        + ctx.options.longMeasure().toSeconds() + " s",
                "p99 " + Report.ms(target.millis(99)) + " ms (" + target.ok() + " leads, " + target.errors()
                        + " not received; " + posts.get(1).rejected() + " POSTs refused with 429)",
                target.millis(99) < 300 && target.errors() == 0 && target.ok() > 0,
                String.format(Locale.ROOT, "%+.0f ms", 300 - target.millis(99)));
        StepResult unbound = steps.get(2);
        ctx.report.target(
                "the same with every robot under its 18/min budget (50 leads/s over " + UNBOUND_AGENTS + " agents)",
                "p99 " + Report.ms(unbound.millis(99)) + " ms (" + unbound.ok() + " leads, " + unbound.errors()
                        + " not received; " + posts.get(2).rejected() + " POSTs refused with 429)",
                unbound.millis(99) < 300 && unbound.errors() == 0 && unbound.ok() > 0,
                String.format(Locale.ROOT, "%+.0f ms", 300 - unbound.millis(99)));
        ctx.charts("speed-to-lead", "speed to lead", steps);
    }

    static void burstReport(
            Context ctx, RobotReceiver robot, String agent, StepResult burst, LeadPost post, long burstStart)
            throws InterruptedException {
        long wait = TimeUnit.SECONDS.toNanos(ctx.options.quick() ? 70 : 130);
        while (System.nanoTime() - burstStart < wait
                && post.accepted.keySet().stream().anyMatch(id -> robot.arrival(id) == null)) {
            Thread.sleep(500);
        }
        List<RobotReceiver.Message> messages = robot.messages(agent);
        ctx.report
                .line("")
                .line("### Burst of 100 leads to one agent (" + burst.ok() + " accepted, " + burst.rejected()
                        + " refused with 429)")
                .line("");
        ctx.report
                .line("| message | at (s after the burst's first POST) | leads in it |")
                .line("|---|---|---|");
        int n = 0;
        for (RobotReceiver.Message m : messages) {
            ctx.report.line(String.format(
                    Locale.ROOT,
                    "| %d | %.2f | %d |",
                    ++n,
                    (m.nanos() - burstStart) / 1e9,
                    m.leadIds().size()));
        }
        long received = post.accepted.keySet().stream()
                .filter(id -> robot.arrival(id) != null)
                .count();
        ctx.report
                .line("")
                .line(messages.size() + " messages carried " + received + " of the " + post.accepted.size()
                        + " accepted leads within " + (wait / 1_000_000_000L) + " s.");
    }
}
