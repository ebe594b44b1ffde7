package io.newsflow.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.processing.functions.PipelineCounters;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.metrics.reporter.MetricReporterFactory;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, checked statically: Docker cannot run where the tests run, so this test holds the
 * file to what the build knows. Images are pinned to the pom's Flink and Kafka versions; every long-running
 * service has a healthcheck and every dependency waits on health or completion; the topics created are the
 * job's defaults; every option passed to the job is one {@link EnrichmentJobConfig} reads; the mounted jar is
 * the one {@code ./mvnw package} builds; every Flink setting is a current Flink option with a valid value;
 * Prometheus scrapes the port the reporter serves. The ingest service is checked in the app module.
 */
class DockerComposeTest {

    private static final String CONTAINER_JAR = "/opt/flink/usrlib/newsflow-enrichment-job.jar";
    private static final Pattern TOPIC = Pattern.compile("--topic (\\S+) --partitions (\\d+)");

    private static Path composeFile;
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void parse() throws IOException {
        composeFile = Path.of(property("newsflow.compose-file")).toAbsolutePath().normalize();
        compose = load(composeFile);
        services = map(compose.get("services"));
    }

    @Test
    void everyImageIsPinnedToTheVersionsTheBuildUses() {
        services.forEach((name, service) -> {
            String image = (String) service.get("image");
            assertThat(image).as("image of %s", name).matches("[a-z0-9./-]+:[A-Za-z0-9._-]+")
                    .doesNotEndWith(":latest");
        });
        String flink = "flink:" + property("flink.version") + "-java17";
        String kafka = "apache/kafka:" + property("kafka.version");
        assertThat(imagesOf("jobmanager", "taskmanager", "job", "flink-state")).containsOnly(flink);
        assertThat(imagesOf("kafka", "topics")).containsOnly(kafka);
        assertThat(DockerImageVersions.KAFKA).as("the Testcontainers twin runs the same Kafka").isEqualTo(kafka);
    }

    @Test
    void longRunningServicesHaveHealthchecksAndDependenciesWaitForHealthOrCompletion() {
        services.forEach((name, service) -> {
            if (oneShot(name)) {
                assertThat(service).as("one-shot %s", name).doesNotContainKeys("healthcheck", "ports");
            } else {
                assertThat(map(service.get("healthcheck"))).as("healthcheck of %s", name).containsKey("test");
            }
            map(service.getOrDefault("depends_on", Map.of())).forEach((target, dependency) -> {
                assertThat(services).as("%s depends on %s", name, target).containsKey(target);
                assertThat(map(dependency).get("condition")).as("%s waits for %s", name, target)
                        .isEqualTo(oneShot(target) ? "service_completed_successfully" : "service_healthy");
            });
        });
        assertThat(services.keySet()).contains("kafka", "topics", "jobmanager", "taskmanager", "job", "ingest",
                "prometheus");
    }

    @Test
    void kafkaHasAListenerForContainersAndOneForTheHost() {
        Map<String, Object> env = map(services.get("kafka").get("environment"));
        assertThat(String.valueOf(env.get("KAFKA_ADVERTISED_LISTENERS")))
                .contains("PLAINTEXT://kafka:19092", "PLAINTEXT_HOST://localhost:9092");
        assertThat(list(services.get("kafka").get("ports"))).containsExactly("9092:9092");
        assertThat(String.valueOf(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))).isEqualTo("false");
        String clusterId = String.valueOf(env.get("CLUSTER_ID"));
        assertThat(Uuid.fromString(clusterId).toString()).as("CLUSTER_ID is a base64 UUID").isEqualTo(clusterId);
    }

    @Test
    void theTopicsCreatedAreTheJobsDefaultsWithAPartitionForEverySlotOfTheJob() {
        Map<String, Integer> topics = createdTopics();
        EnrichmentJobConfig defaults = EnrichmentJobConfig.defaults();

        assertThat(topics).containsOnlyKeys(defaults.inputTopic(), defaults.outputTopic(), defaults.dlqTopic(),
                defaults.controlTopic());
        assertThat(topics.get(defaults.controlTopic())).as("control partitions: one, for the order of updates").isEqualTo(1);
        int parallelism = Integer.parseInt(flinkProperties("jobmanager").get("parallelism.default"));
        assertThat(topics.get(defaults.inputTopic())).as("input partitions").isGreaterThanOrEqualTo(parallelism);
    }

    @Test
    void theJobGetsOnlyOptionsItKnowsAndRunsOnTheCreatedTopics() {
        List<String> args = jobArguments();
        Set<String> known = EnrichmentJobConfig.defaults().toMap().keySet();
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            assertThat(option).as("job argument %s", i).startsWith("--");
            assertThat(option.substring(2)).as("job option %s", option)
                    .satisfiesAnyOf(o -> assertThat(known).contains(o), o -> assertThat(o).startsWith("kafka."));
        }
        assertThat(args.size() % 2).as("every option has a value").isZero();

        EnrichmentJobConfig config = EnrichmentJobConfig.fromArgs(args.toArray(String[]::new));
        assertThat(config.bootstrapServers()).isEqualTo("kafka:19092");
        assertThat(createdTopics()).containsOnlyKeys(config.inputTopic(), config.outputTopic(), config.dlqTopic(),
                config.controlTopic());
        assertThat(config.inputTopic()).isEqualTo(EnrichmentJobConfig.DEFAULT_INPUT_TOPIC);
        assertThat(config.outputTopic()).isEqualTo(EnrichmentJobConfig.DEFAULT_OUTPUT_TOPIC);
        assertThat(config.dlqTopic()).isEqualTo(EnrichmentJobConfig.DEFAULT_DLQ_TOPIC);

        String script = DockerComposeTest.<String>list(services.get("job").get("command")).get(2);
        assertThat(script).contains("flink run --detached " + CONTAINER_JAR)
                .as("submits only when %s is not running", EnrichmentJob.JOB_NAME).contains("'" + EnrichmentJob.JOB_NAME + "'");
    }

    @Test
    void theMountedJobJarIsTheOneTheBuildProduces() {
        Map<String, Object> mount = list(services.get("job").get("volumes")).stream().map(DockerComposeTest::map)
                .filter(v -> CONTAINER_JAR.equals(v.get("target"))).findFirst().orElseThrow();
        Path source = composeFile.getParent().resolve((String) mount.get("source")).normalize();

        assertThat(source).isEqualTo(Path.of(property("newsflow.job-jar")).toAbsolutePath().normalize());
        assertThat(mount).containsEntry("type", "bind").containsEntry("read_only", true);
        assertThat(map(mount.get("bind"))).as("a missing jar fails instead of becoming a directory")
                .containsEntry("create_host_path", false);
    }

    @Test
    void everyFlinkSettingIsACurrentFlinkOptionWithAValidValue() throws Exception {
        Map<String, String> properties = flinkProperties("jobmanager");
        for (String service : List.of("taskmanager", "job")) {
            assertThat(flinkProperties(service)).as("settings of %s", service).isEqualTo(properties);
        }
        Map<String, ConfigOption<?>> options = flinkOptions();
        Set<String> reporterSuffixes = optionKeys(MetricOptions.class);
        Configuration configuration = Configuration.fromMap(properties);
        Pattern reporter = Pattern.compile("metrics\\.reporter\\.([^.]+)\\.(.+)");
        Map<String, Map<String, String>> reporters = new HashMap<>();
        properties.forEach((key, value) -> {
            assertThat(value).as("%s: FLINK_PROPERTIES drops spaces", key).doesNotContainAnyWhitespaces().isNotEmpty();
            Matcher m = reporter.matcher(key);
            if (m.matches()) {
                reporters.computeIfAbsent(m.group(1), n -> new HashMap<>()).put(m.group(2), value);
                return;
            }
            assertThat(options).as("Flink option %s", key).containsKey(key);
            ConfigOption<?> option = options.get(key);
            assertThat(option.key()).as("%s is deprecated: use the current key", key).isEqualTo(key);
            assertThat(configuration.get(option)).as("value of %s", key).isNotNull();
        });

        assertThat(reporters).containsOnlyKeys("prom");
        Map<String, String> prom = reporters.get("prom");
        Class<?> factory = Class.forName(prom.get("factory.class"));
        assertThat(MetricReporterFactory.class.isAssignableFrom(factory)).isTrue();
        Field portArgument = factory.getDeclaredField("ARG_PORT");
        portArgument.setAccessible(true);
        Set<String> promSuffixes = new TreeSet<>(reporterSuffixes);
        promSuffixes.add((String) portArgument.get(null));
        assertThat(promSuffixes).containsAll(prom.keySet());
    }

    @Test
    void theJobServiceSubmitsOnceAndResumesFromTheNewestSavedState() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "compose-job-" + java.util.UUID.randomUUID()))
                .toAbsolutePath();
        Path state = dir.resolve("flink-state");

        Run running = runJobService(dir, state, "27.11.2026 10:00:00 : 4f1c : newsflow-enrichment (RUNNING)");
        assertThat(running.output()).contains("newsflow-enrichment is running already: not submitted again");
        assertThat(running.flinkRun()).as("not submitted again").isEmpty();

        Run fresh = runJobService(dir, state, "");
        assertThat(fresh.flinkRun()).containsExactly("run", "--detached", CONTAINER_JAR, "--bootstrap-servers",
                "kafka:19092");

        saved(state.resolve("savepoints/savepoint-4f1c-1"), "2026-11-27T10:00:00Z");
        Path checkpoint = saved(state.resolve("checkpoints/8a2e/chk-12"), "2026-11-27T11:00:00Z");
        Files.createDirectories(state.resolve("checkpoints/8a2e/chk-13")); // not complete: no _metadata yet
        Run resumed = runJobService(dir, state, "");
        assertThat(resumed.output()).contains("newsflow-enrichment resumes from " + checkpoint);
        assertThat(resumed.flinkRun()).containsExactly("run", "--detached", "-s", checkpoint.toString(), CONTAINER_JAR,
                "--bootstrap-servers", "kafka:19092");

        Path savepoint = saved(state.resolve("savepoints/savepoint-8a2e-2"), "2026-11-27T12:00:00Z");
        assertThat(runJobService(dir, state, "").flinkRun()).contains(savepoint.toString());

        assertThat(list(services.get("job").get("volumes")).stream().map(DockerComposeTest::map))
                .anySatisfy(v -> assertThat(v).containsEntry("source", "flink-state").containsEntry("target", "/flink-state")
                        .containsEntry("read_only", true));
    }

    /** What the job service's script printed, and the arguments it gave {@code flink run} (empty: none). */
    private record Run(String output, List<String> flinkRun) {}

    /**
     * Runs the job service's script with bash as Compose would (its {@code $$} unescaped), against a stand-in for
     * the Flink CLI that lists {@code runningJobs} and records what it is asked to run, and with {@code state}
     * in place of the flink-state volume.
     */
    private static Run runJobService(Path dir, Path state, String runningJobs) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("flink-run.txt");
        Files.deleteIfExists(calls);
        Path flink = Files.writeString(bin.resolve("flink"), """
                #!/usr/bin/env bash
                if [ "$1" = list ]; then printf '%s\n' "$FAKE_RUNNING"; exit 0; fi
                printf '%s\n' "$@" > "$FAKE_CALLS"
                """);
        assertThat(flink.toFile().setExecutable(true)).isTrue();
        List<String> command = new ArrayList<>(list(services.get("job").get("command")));
        command.set(2, command.get(2).replace("$$", "$").replace("/flink-state", state.toString()));
        command.subList(4, command.size()).clear();
        command.addAll(List.of("--bootstrap-servers", "kafka:19092"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("FAKE_RUNNING", runningJobs);
        builder.environment().put("FAKE_CALLS", calls.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return new Run(output, Files.exists(calls) ? Files.readAllLines(calls) : List.of());
    }

    private static Path saved(Path dir, String written) throws IOException {
        Path metadata = Files.writeString(Files.createDirectories(dir).resolve("_metadata"), "state");
        Files.setLastModifiedTime(metadata, java.nio.file.attribute.FileTime.from(java.time.Instant.parse(written)));
        return dir;
    }

    @Test
    void checkpointsAndSavepointsLiveInANamedVolumeEveryFlinkProcessMounts() {
        Map<String, String> properties = flinkProperties("jobmanager");
        assertThat(map(compose.get("volumes"))).containsKey("flink-state");
        for (String service : List.of("jobmanager", "taskmanager")) {
            assertThat(list(services.get(service).get("volumes"))).contains("flink-state:/flink-state");
        }
        assertThat(properties.get("execution.checkpointing.dir")).startsWith("file:///flink-state/");
        assertThat(properties.get("execution.checkpointing.savepoint-dir")).startsWith("file:///flink-state/");
    }

    @Test
    void prometheusScrapesThePortTheReporterServes() throws IOException {
        String port = flinkProperties("jobmanager").get("metrics.reporter.prom.port");
        Map<String, Object> prometheus = load(composeFile.getParent().resolve("monitoring/prometheus.yml"));
        String scrape = String.valueOf(prometheus.get("scrape_configs"));
        assertThat(scrape).contains("jobmanager:" + port, "names=[taskmanager]", "port=" + port);
        assertThat(String.valueOf(services.get("taskmanager").get("healthcheck"))).contains("localhost:" + port);
        assertThat(list(services.get("prometheus").get("volumes")))
                .contains("./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    void theDashboardChartsTheJobsCounters() throws IOException {
        String dashboard = Files.readString(composeFile.getParent().resolve("monitoring/grafana/dashboards/newsflow.json"));
        Matcher m = Pattern.compile("flink_taskmanager_job_task_operator_(\\w+)").matcher(dashboard);
        Set<String> charted = new TreeSet<>();
        while (m.find()) {
            charted.add(m.group(1));
        }
        assertThat(charted).containsExactlyInAnyOrder(PipelineCounters.RECORDS_IN, PipelineCounters.ENRICHED,
                PipelineCounters.DEAD_LETTERED, PipelineCounters.DUPLICATES, PipelineCounters.UPDATES, "pendingRecords");
    }

    // --- reading the file

    private static boolean oneShot(String service) {
        return "no".equals(services.get(service).get("restart"));
    }

    private static Set<String> imagesOf(String... names) {
        Set<String> images = new TreeSet<>();
        for (String name : names) {
            images.add((String) services.get(name).get("image"));
        }
        return images;
    }

    private static Map<String, Integer> createdTopics() {
        String script = DockerComposeTest.<String>list(services.get("topics").get("command")).get(2);
        Map<String, Integer> topics = new LinkedHashMap<>();
        Matcher m = TOPIC.matcher(script);
        while (m.find()) {
            topics.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertThat(script).contains("--bootstrap-server kafka:19092");
        return topics;
    }

    /** The arguments after {@code bash -c SCRIPT submit}: the job's options. */
    private static List<String> jobArguments() {
        List<String> command = list(services.get("job").get("command"));
        assertThat(command.subList(0, 2)).containsExactly("bash", "-c");
        assertThat(command.get(3)).isEqualTo("submit");
        return command.subList(4, command.size());
    }

    private static Map<String, String> flinkProperties(String service) {
        Object text = map(services.get(service).get("environment")).get("FLINK_PROPERTIES");
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : String.valueOf(text).split("\n")) {
            if (!line.isBlank()) {
                int colon = line.indexOf(':');
                assertThat(colon).as("'key: value' in %s", line).isPositive();
                properties.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return properties;
    }

    /** Every option Flink's core declares (org.apache.flink.configuration.*Options), by current and old keys. */
    private static Map<String, ConfigOption<?>> flinkOptions() throws IOException, URISyntaxException, ReflectiveOperationException {
        Map<String, ConfigOption<?>> options = new HashMap<>();
        Path jar = Path.of(CoreOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classes = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(e -> e.getName())
                    .filter(n -> n.matches("org/apache/flink/configuration/[A-Za-z]+Options\\.class"))
                    .forEach(n -> classes.add(n.replace('/', '.').replace(".class", "")));
        }
        List<ConfigOption<?>> declared = new ArrayList<>();
        for (String name : classes) {
            for (Field field : Class.forName(name).getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && ConfigOption.class.isAssignableFrom(field.getType())) {
                    declared.add((ConfigOption<?>) field.get(null));
                }
            }
        }
        declared.forEach(option -> options.putIfAbsent(option.key(), option));
        // an old key maps to the option that replaced it, so that the test can name the current key
        declared.forEach(option -> {
            for (FallbackKey fallback : option.fallbackKeys()) {
                options.putIfAbsent(fallback.getKey(), option);
            }
        });
        return options;
    }

    private static Set<String> optionKeys(Class<?> holder) throws IllegalAccessException {
        Set<String> keys = new TreeSet<>();
        for (Field field : holder.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && ConfigOption.class.isAssignableFrom(field.getType())) {
                keys.add(((ConfigOption<?>) field.get(null)).key());
            }
        }
        return keys;
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, V>) value;
    }

    @SuppressWarnings("unchecked")
    private static <E> List<E> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<E>) value;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by the processing pom)", name).isNotNull();
        return value;
    }
}
