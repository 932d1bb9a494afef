package cn.zschangfang.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/** PNG charts (XChart): latency over time (p50 and p99 per second) and latency by percentile, one series per step. */
public final class Charts {

    static final double[] PERCENTILES = {0, 10, 25, 50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 99.99};

    private final Path dir;

    public Charts(Path dir) {
        this.dir = dir;
        System.setProperty("java.awt.headless", "true");
    }

    /** Writes both charts of a group of steps; answers the two file names (relative to the chart directory). */
    public List<String> write(String id, String title, List<StepResult> steps) {
        List<String> files = new ArrayList<>();
        files.add(save(overTime(title, steps), id + "-over-time"));
        files.add(save(byPercentile(title, steps), id + "-percentiles"));
        return files;
    }

    private static XYChart latencyChart(String title, String xAxis) {
        return new XYChartBuilder()
                .width(900)
                .height(450)
                .title(title)
                .xAxisTitle(xAxis)
                .yAxisTitle("ms")
                .build();
    }

    static XYChart overTime(String title, List<StepResult> steps) {
        XYChart chart =
                latencyChart(title + ": latency over time (by intended start)", "second of the measured window");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        for (StepResult step : steps) {
            List<Double> x = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<Histogram> seconds = step.perSecond();
            for (int i = 0; i < seconds.size(); i++) {
                Histogram h = seconds.get(i);
                if (h.getTotalCount() == 0) {
                    continue;
                }
                x.add((double) i);
                p50.add(h.getValueAtPercentile(50) / 1e6);
                p99.add(h.getValueAtPercentile(99) / 1e6);
            }
            if (!x.isEmpty()) {
                chart.addSeries(step.name() + " p50", x, p50);
                chart.addSeries(step.name() + " p99", x, p99);
            }
        }
        return chart;
    }

    static XYChart byPercentile(String title, List<StepResult> steps) {
        XYChart chart = latencyChart(
                title + ": latency by percentile",
                "1/(1-p): 2 = p50, 10 = p90, 100 = p99, 1000 = p99.9, 10000 = p99.99");
        chart.getStyler().setXAxisLogarithmic(true);
        for (StepResult step : steps) {
            Histogram h = step.histogram();
            if (h.getTotalCount() == 0) {
                continue;
            }
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (double p : PERCENTILES) {
                x.add(1 / (1 - p / 100));
                y.add(h.getValueAtPercentile(p) / 1e6);
            }
            chart.addSeries(step.name(), x, y);
        }
        return chart;
    }

    private String save(XYChart chart, String name) {
        try {
            Files.createDirectories(dir);
            if (chart.getSeriesMap().isEmpty()) {
                chart.addSeries("no data", new double[] {1}, new double[] {0});
            }
            BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
            return name + ".png";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
