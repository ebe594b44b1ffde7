package io.newsflow.app.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The benchmark's time line as a PNG: enriched articles per second above, end-to-end latency (p99 of each
 * second, log scale) below, one series per pipeline phase, seconds since the benchmark started on both.
 */
final class BenchChart {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 380;

    private BenchChart() {}

    static void write(Path png, List<BenchConsumer.Sample> timeline, String title) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart throughput = chart(title, "enriched articles/s", false);
        XYChart latency = chart(null, "latency p99 of each second (ms, log)", true);
        Map<String, List<BenchConsumer.Sample>> byPhase = new LinkedHashMap<>();
        timeline.forEach(s -> byPhase.computeIfAbsent(s.phase(), k -> new ArrayList<>()).add(s));
        for (Map.Entry<String, List<BenchConsumer.Sample>> phase : byPhase.entrySet()) {
            List<Double> seconds = new ArrayList<>();
            List<Double> rate = new ArrayList<>();
            List<Double> latencySeconds = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            for (BenchConsumer.Sample sample : phase.getValue()) {
                seconds.add(sample.second());
                rate.add((double) sample.articles());
                if (sample.articles() > 0) {
                    latencySeconds.add(sample.second());
                    p99.add((double) Math.max(1, sample.p99()));
                }
            }
            throughput.addSeries(phase.getKey(), seconds, rate).setMarker(SeriesMarkers.NONE);
            if (!p99.isEmpty()) {
                latency.addSeries(phase.getKey(), latencySeconds, p99).setMarker(SeriesMarkers.NONE);
            }
        }
        if (timeline.isEmpty()) {
            throughput.addSeries("no pipeline phase ran", new double[] {0}, new double[] {0});
            latency.addSeries("no pipeline phase ran", new double[] {0}, new double[] {1});
        }
        if (png.getParent() != null) {
            Files.createDirectories(png.getParent());
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(List.of(throughput, latency), 2, 1, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static XYChart chart(String title, String yTitle, boolean logarithmic) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title == null ? "" : title)
                .xAxisTitle("seconds since the benchmark started").yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartTitleVisible(title != null);
        chart.getStyler().setPlotGridLinesVisible(true);
        return chart;
    }
}
