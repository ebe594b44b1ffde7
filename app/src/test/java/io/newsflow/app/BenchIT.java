package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --quick} runs every part and reports every figure, as a table, as JSON and as a chart. Nothing
 * here asserts a speed: the machine decides those, and the README reports them.
 */
class BenchIT {

    @Test
    void quickBenchReportsEveryPartAsTableJsonAndChart() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/bench-it"));
        Path json = dir.resolve("bench.json");
        Path chart = dir.resolve("bench.png");
        Files.deleteIfExists(json);
        Files.deleteIfExists(chart);

        CommandRunner result = CommandRunner.run("bench", "--quick", "--samples", "../samples",
                "--eval-dir", "../../shared/eval", "--work-dir", "target", "--json", json.toString(),
                "--chart", chart.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("engine alone, 1 thread", "engine alone, 2 threads")
                .contains("pipeline exactly-once, max", "pipeline exactly-once, half-max")
                .contains("pipeline at-least-once, max", "pipeline at-least-once, half-max")
                .contains("pipeline noop-exactly-once, max", "pipeline noop-at-least-once, max")
                .contains("articles/s", "words/s", "MB/s", "p50 ms", "p95 ms", "p99 ms", "heap peak", "RSS peak")
                .contains("Flink+Kafka overhead", "checkpoint every 1000 ms", "cores (")
                .contains("warm-up, rounds of 20 articles", "exactly-once 20 articles in")
                .contains("≥ 300,000 words/s", "≥ 1,000 articles/s", "≤ 15% of the engine's rate", "≤ 500 ms",
                        "≤ 512 MB");

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.at("/machine/cores").asInt()).isPositive();
        assertThat(report.at("/setup/checkpointIntervalMs").asLong()).isEqualTo(1000);
        assertThat(report.get("engine")).hasSize(2);
        for (JsonNode engine : report.get("engine")) {
            assertThat(engine.get("wordsPerSecond").asDouble()).isPositive();
            assertThat(engine.get("articlesPerSecond").asDouble()).isPositive();
            assertThat(engine.get("runsWordsPerSecond")).hasSize(3);
        }
        // --quick: a warm-up of one round (its limit is zero), whatever the JIT compilers were doing
        assertThat(report.get("warmUps")).hasSize(4);
        for (JsonNode warmUp : report.get("warmUps")) {
            assertThat(warmUp.get("rounds").asInt()).as(warmUp.toString()).isEqualTo(1);
            assertThat(warmUp.get("articles").asInt()).as(warmUp.toString()).isEqualTo(20);
            assertThat(warmUp.get("jitCores").asDouble()).as(warmUp.toString()).isNotNegative();
        }
        assertThat(report.get("pipeline")).hasSize(6);
        for (JsonNode phase : report.get("pipeline")) {
            assertThat(phase.get("articlesPerSecond").asDouble()).as(phase.toString()).isPositive();
            assertThat(phase.get("megabytesPerSecond").asDouble()).as(phase.toString()).isPositive();
            // The producer's timestamp travels through the job: latencies are real durations, not epochs.
            assertThat(phase.at("/latencyMs/p50").asLong()).as(phase.toString()).isBetween(0L, 3_600_000L);
            assertThat(phase.at("/latencyMs/p99").asLong()).isGreaterThanOrEqualTo(phase.at("/latencyMs/p50").asLong());
            assertThat(phase.get("heapPeak").asLong()).isPositive();
            // The engine's own CPU inside the job: measured with the real engine, not with the no-op one.
            double engineCpu = phase.get("engineCpuMillisPerArticle").asDouble();
            if (phase.get("mode").asText().startsWith("noop-")) {
                assertThat(engineCpu).as(phase.toString()).isNaN();
            } else {
                assertThat(engineCpu).as(phase.toString()).isPositive();
            }
            if (phase.get("mode").asText().endsWith("exactly-once")) {
                assertThat(phase.get("redelivered").asLong()).as(phase.toString()).isZero();
            }
        }
        assertThat(report.get("overhead")).hasSize(2);
        assertThat(report.get("targets")).hasSize(5);
        assertThat(report.get("timeline")).isNotEmpty();

        BufferedImage image = ImageIO.read(chart.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isPositive();
    }

    @Test
    void unknownPartIsAClearError() {
        CommandRunner result = CommandRunner.run("bench", "--quick", "--parts", "engine,warp-speed");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown part 'warp-speed'");
    }
}
