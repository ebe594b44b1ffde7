package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.ingest.Ingestor;
import io.newsflow.processing.EnrichmentJobConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local runtime's Prometheus endpoint ({@code up --metrics-port}) serves the job's counters and the Kafka
 * source's lag metrics with the values the run implies, and the status line's numbers agree with them; the job's
 * state is in RocksDB under the runtime's data directory.
 */
class LocalRuntimeMetricsIT {

    /** One sample of the exposition format: {@code name{label="value",...} 1.0}. */
    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    private static LocalRuntime runtime;
    private static Ingestor.Report published;
    private static Path data;

    @BeforeAll
    static void startAndPublishTheSamples() throws Exception {
        int metricsPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            metricsPort = socket.getLocalPort();
        }
        data = Files.createDirectories(Path.of("target", "metrics-it-" + UUID.randomUUID()));
        // what a run killed with SIGKILL leaves behind
        Files.writeString(Files.createDirectories(data.resolve("rocksdb/job_killed_op_dedup/db")).resolve("CURRENT"), "x");
        runtime = LocalRuntime.start(new LocalRuntime.Settings(data, 0,
                EnrichmentJobConfig.defaults().withGroup("metrics-it", "metrics-it"), 2, 1, Duration.ofSeconds(1), metricsPort));
        published = IngestCommand.publish(List.of("../samples/articles"), runtime.bootstrapServers(),
                runtime.job().inputTopic(), Map.of(), runtime.job().maxBodyBytes(), new PrintWriter(new StringWriter()));
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void theEndpointServesTheJobsCountersAndTheSourcesLag() {
        int read = published.published();
        assertThat(read).as("the samples that pass the ingest edge").isPositive();

        List<Sample> metrics = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(LocalRuntimeMetricsIT::scrape, m -> sum(m, "flink_taskmanager_job_task_operator_recordsIn") == read
                        && sum(m, "flink_taskmanager_job_task_operator_enriched")
                        + sum(m, "flink_taskmanager_job_task_operator_deadLettered")
                        + sum(m, "flink_taskmanager_job_task_operator_duplicates") == read);

        assertThat(sum(metrics, "flink_taskmanager_job_task_operator_duplicates")).as("the re-sent interview").isEqualTo(1);
        assertThat(sum(metrics, "flink_taskmanager_job_task_operator_enriched")).isEqualTo(read - 1);
        assertThat(named(metrics, "flink_taskmanager_job_task_operator_recordsIn"))
                .allSatisfy(s -> assertThat(s.labels()).containsEntry("job_name", "newsflow_enrichment"));

        List<Sample> pending = named(metrics, "flink_taskmanager_job_task_operator_pendingRecords");
        assertThat(pending).as("the source's records not yet read").isNotEmpty()
                .allSatisfy(s -> assertThat(s.value()).isBetween(0.0, (double) read));
        List<Sample> offsets = named(metrics, "flink_taskmanager_job_task_operator_KafkaSourceReader_topic_partition_currentOffset")
                .stream().filter(s -> s.labels().get("topic").equals("articles")).toList();
        assertThat(offsets).extracting(s -> s.labels().get("partition")).containsExactlyInAnyOrder("0", "1");
        assertThat(offsets).allSatisfy(s -> assertThat(s.labels()).containsEntry("topic", "articles"));
        assertThat(named(metrics, "flink_taskmanager_job_task_operator_KafkaSourceReader_KafkaConsumer_records_lag_max"))
                .isNotEmpty();
    }

    @Test
    void theJobKeepsItsStateInRocksDbUnderTheDataDirectory() {
        // while the job runs, each keyed subtask's RocksDB instance lives under <data dir>/rocksdb
        List<String> files = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> filesUnder(data.resolve("rocksdb")), names -> names.contains("CURRENT"));

        assertThat(files).anyMatch(name -> name.startsWith("MANIFEST-"));
        assertThat(data.resolve("rocksdb/job_killed_op_dedup")).as("a killed run's leftovers, removed at start").doesNotExist();
    }

    private static List<String> filesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void theJobReportsItsLagPerInputPartition() {
        int read = published.published();

        List<Sample> lag = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> named(scrape(), "flink_taskmanager_job_task_operator_topic_partition_consumerLag"),
                        samples -> !samples.isEmpty() && samples.stream().allMatch(s -> s.value() == 0.0));

        // a partition shows up once a record was read from it: the few samples may all hash to one partition
        assertThat(read).isPositive();
        assertThat(lag).extracting(s -> s.labels().get("partition")).doesNotHaveDuplicates().isSubsetOf("0", "1");
        assertThat(lag).allSatisfy(s -> assertThat(s.labels()).containsEntry("topic", "articles")
                .containsEntry("operator_name", "consumer_lag"));
    }

    @Test
    void theStatusLineReadsTheSameTotalsAndTheLagOfEachPartition() {
        int read = published.published();

        StatusLine.Sample sample = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> UpCommand.sample(runtime),
                        s -> s.count("recordsIn") == read && s.lag() != null && s.lag().values().stream().mapToLong(l -> l).sum() == 0);

        assertThat(sample.lag()).containsOnlyKeys(0, 1);
        assertThat(StatusLine.format(null, sample))
                .contains("read " + read + ", enriched " + (read - 1) + ", dead-lettered 0, duplicates 1")
                .endsWith("lag 0 (p0 0, p1 0)");
    }

    private static List<Sample> scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + runtime.metricsPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<Sample> samples = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            Matcher matcher = LINE.matcher(line);
            if (line.startsWith("#") || !matcher.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (matcher.group(2) != null) {
                Matcher label = LABEL.matcher(matcher.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
        }
        return samples;
    }

    private static List<Sample> named(List<Sample> samples, String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    private static long sum(List<Sample> samples, String name) {
        return Math.round(named(samples, name).stream().mapToDouble(Sample::value).sum());
    }
}
