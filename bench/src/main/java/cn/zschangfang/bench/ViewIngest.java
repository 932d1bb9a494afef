package cn.zschangfang.bench;

import cn.zschangfang.localstack.DemoData;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 2: view beacons straight to content-service in an open loop at half its ceiling; how many are accepted
 * per second and how long until the article's view count shows them all; single views' time until counted; against
 * the broker's raw producer throughput for the same record size (Kafka's ProducerPerformance, scratch topic).
 */
final class ViewIngest {

    static void run(Context ctx) throws Exception {
        ctx.report.heading("2. View beacon ingest");
        String slug = DemoData.SEED_ARTICLE;
        String article = ctx.content() + "/api/content/articles/" + slug;
        Load.Call beacon = GatewayOverhead.call(ctx, "POST view", ctx.content(), slug);
        StepResult ceiling = ctx.load.closedLoop(
                "beacon direct max", GatewayOverhead.CONNECTIONS, ctx.options.warmup(), ctx.options.measure(), beacon);
        double rate = Math.max(10, Math.floor(ceiling.okPerSecond() / 2));
        long before = settledViews(ctx, article);
        java.util.concurrent.atomic.AtomicLong acceptedAll = new java.util.concurrent.atomic.AtomicLong();
        Load.Call counting = i -> beacon.apply(i).thenApply(status -> {
            if (status == 202) {
                acceptedAll.incrementAndGet();
            }
            return status;
        });
        StepResult open = ctx.load.openLoop(
                "beacon direct @" + Report.fmt(rate), rate, ctx.options.warmup(), ctx.options.measure(), counting);
        long sentEnd = System.nanoTime();
        // Every 202 of the step (warm-up included) was a new visitor: the count must grow by all of them.
        long accepted = views(ctx, article) - before;
        long expectedAtLeast = acceptedAll.get();
        long counted = before;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && (counted = views(ctx, article)) < before + expectedAtLeast) {
            Thread.sleep(50);
        }
        double drain = (System.nanoTime() - sentEnd) / 1e9;
        List<Double> single = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long v0 = views(ctx, article);
            long start = System.nanoTime();
            ctx.http.call(Http.postJson(article + "/views", "{\"visitorId\":\"bench-probe-" + UUID.randomUUID() + "\"}")
                    .build());
            while (views(ctx, article) <= v0 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20)) {
                Thread.sleep(10);
            }
            single.add((System.nanoTime() - start) / 1e6);
        }
        single.sort(Double::compare);
        ctx.report.steps(List.of(ceiling, open), ceiling);
        ctx.report
                .line("")
                .line(String.format(
                        Locale.ROOT,
                        "- Open loop: %d beacons accepted in the measured window (%.0f/s), %d with the warm-up; when the"
                                + " last answer came the count had grown by %d, and it showed all of them %.2f s after%s.",
                        open.ok(),
                        open.okPerSecond(),
                        expectedAtLeast,
                        accepted,
                        drain,
                        counted >= before + expectedAtLeast
                                ? ""
                                : " (**not reached within 60 s**: " + (counted - before) + ")"));
        ctx.report.line(String.format(
                Locale.ROOT,
                "- One view at a time (10 probes, count polled every 10 ms): time until counted min %.0f ms, median %.0f ms, max %.0f ms.",
                single.get(0),
                single.get(single.size() / 2),
                single.get(single.size() - 1)));
        int size;
        try (Topics topics = new Topics(ctx.stack.kafkaBrokers())) {
            size = topics.meanRecordSize("content.article-viewed", 50);
        }
        if (size <= 0) {
            size = 512;
            ctx.report.line("- content.article-viewed had no records to size: 512 bytes assumed.");
        }
        String perf = producerPerformance(ctx, size, ctx.options.quick() ? 50_000 : 200_000);
        ctx.report.line("- Raw Kafka producer (ProducerPerformance, acks=all, record " + size
                + " bytes = the mean content.article-viewed record incl. key and headers, scratch topic `bench-scratch`): "
                + perf);
        Matcher m = Pattern.compile("([0-9.]+) records/sec").matcher(perf);
        if (m.find()) {
            ctx.report.line(String.format(
                    Locale.ROOT,
                    "- Accepted views/s against the raw producer: %s; against the " + "service's HTTP ceiling: %s.",
                    Report.ratio(open.okPerSecond(), Double.parseDouble(m.group(1))),
                    Report.ratio(open.okPerSecond(), ceiling.okPerSecond())));
        }
        ctx.charts("view-ingest", "view beacon direct", List.of(open));
    }

    /** The count once the views of earlier steps are all counted (unchanged for 2 s, at most 30 s). */
    static long settledViews(Context ctx, String article) throws InterruptedException {
        long last = views(ctx, article);
        long stableSince = System.nanoTime();
        long deadline = stableSince + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && System.nanoTime() - stableSince < TimeUnit.SECONDS.toNanos(2)) {
            Thread.sleep(100);
            long now = views(ctx, article);
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        return last;
    }

    static long views(Context ctx, String article) {
        var response = ctx.http.call(Http.get(article).build());
        return Context.parse(response.body()).path("views").asLong();
    }

    static String producerPerformance(Context ctx, int size, int records) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.apache.kafka.tools.ProducerPerformance",
                        "--topic",
                        "bench-scratch",
                        "--num-records",
                        String.valueOf(records),
                        "--record-size",
                        String.valueOf(size),
                        "--throughput",
                        "-1",
                        "--producer-props",
                        "bootstrap.servers=" + ctx.stack.kafkaBrokers(),
                        "acks=all")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(120, TimeUnit.SECONDS);
        String last = "";
        for (String line : out.split("\n")) {
            if (line.contains("records sent") && line.contains("50th")) {
                last = line.trim();
            }
        }
        return last.isEmpty() ? "no summary line (exit " + p.exitValue() + ")" : last;
    }
}
