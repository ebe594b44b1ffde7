package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.processing.EnrichmentJobConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The commands read the shared options from flags, then NEWSFLOW_* variables, then the --config file. */
class SharedDefaultsTest {

    private static Path file(String content) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "config-test"));
        return Files.writeString(dir.resolve("newsflow-" + UUID.randomUUID() + ".properties"), content);
    }

    /** The innermost command object after parsing {@code args} with {@code env}. */
    @SuppressWarnings("unchecked")
    private static <T> T parse(Map<String, String> env, String... args) {
        ParseResult result = Newsflow.commandLine(env, args).parseArgs(args);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return (T) result.commandSpec().userObject();
    }

    @Test
    void oneVariableServesEveryCommand() {
        Map<String, String> env = Map.of("NEWSFLOW_BOOTSTRAP_SERVERS", "broker:9093", "NEWSFLOW_INPUT_TOPIC", "raw");

        IngestCommand ingest = parse(env, "ingest", "story.txt");
        TailCommand tail = parse(env, "tail");
        DlqCommand.ReplayCommand replay = parse(env, "dlq", "replay");
        IngestWatchCommand watch = parse(env, "ingest", "watch", "in");

        assertThat(ingest.publish.bootstrapServers).isEqualTo("broker:9093");
        assertThat(ingest.publish.topic).isEqualTo("raw");
        assertThat(tail.bootstrapServers).isEqualTo("broker:9093");
        assertThat(tail.outputTopic).isEqualTo("articles.enriched");
        assertThat(replay.target.bootstrapServers).isEqualTo("broker:9093");
        assertThat(replay.inputTopic).isEqualTo("raw");
        assertThat(watch.publish.bootstrapServers).isEqualTo("broker:9093");
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheFile() throws IOException {
        Path config = file("bootstrap-servers=file:1\ninput-topic=file-topic\nmax-body-bytes=500\n"
                + "kafka.security.protocol=SSL\nkafka.client.rack=file-rack\n");
        Map<String, String> env = Map.of("NEWSFLOW_INPUT_TOPIC", "env-topic", "NEWSFLOW_KAFKA_CLIENT_RACK", "env-rack");

        IngestCommand ingest = parse(env, "ingest", "--config", config.toString(), "-t", "flag-topic",
                "-k", "client.id=me", "story.txt");
        IngestCommand fromEnv = parse(env, "--config=" + config, "ingest", "story.txt");

        assertThat(ingest.publish.topic).isEqualTo("flag-topic");
        assertThat(ingest.publish.bootstrapServers).isEqualTo("file:1");
        assertThat(ingest.publish.maxBodyBytes).isEqualTo(500);
        assertThat(ingest.kafka.settings()).containsOnly(Map.entry("security.protocol", "SSL"),
                Map.entry("client.rack", "env-rack"), Map.entry("client.id", "me"));
        assertThat(fromEnv.publish.topic).isEqualTo("env-topic");
    }

    @Test
    void kafkaSettingsReachCommandsWhoseOptionsComeInAMixin() throws IOException {
        Path config = file("kafka.security.protocol=SASL_SSL\n");

        DlqCommand.ListCommand list = parse(Map.of("NEWSFLOW_CONFIG", config.toString()), "dlq", "list");

        assertThat(list.target.client()).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void theLocalRuntimeTakesTheJobOptionsButNotTheKafkaSettingsOfARemoteBroker() throws IOException {
        Path config = file("dedup-ttl=PT1H\nkafka.security.protocol=SASL_SSL\n");
        UpCommand up = parse(Map.of("NEWSFLOW_DELIVERY_GUARANTEE", "at-least-once", "NEWSFLOW_OUTPUT_TOPIC", "out"),
                "up", "--config", config.toString(), "--dlq-topic", "dead");

        EnrichmentJobConfig job = UpCommand.jobConfig(SharedDefaults.of(up.spec).values(), Map.of(
                "delivery-guarantee", up.deliveryGuarantee, "input-topic", up.topics.input,
                "output-topic", up.topics.output, "dlq-topic", up.topics.dlq));

        assertThat(job.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(job.outputTopic()).isEqualTo("out");
        assertThat(job.dlqTopic()).isEqualTo("dead");
        assertThat(job.dedupTtl()).hasHours(1);
        assertThat(job.kafka()).isEmpty();
    }

    @Test
    void aBadValueOrAnUnknownKeyIsAUsageErrorNamingItAndWhereItCameFrom() throws IOException {
        Path config = file("input-topc=x\n");

        CommandRunner badValue = run(Map.of("NEWSFLOW_MAX_BODY_BYTES", "lots"), "ingest", "story.txt");
        CommandRunner unknownKey = run(Map.of(), "tail", "--config", config.toString());
        CommandRunner unusedByTheCommand = run(Map.of("NEWSFLOW_MAX_BODY_BYTES", "lots"), "tag", "--help");

        assertThat(badValue.exitCode()).isEqualTo(2);
        assertThat(badValue.err()).startsWith("--max-body-bytes must be a whole number, got 'lots' (from NEWSFLOW_MAX_BODY_BYTES)");
        assertThat(unknownKey.exitCode()).isEqualTo(2);
        assertThat(unknownKey.err()).startsWith(config + ": unknown option input-topc (did you mean input-topic?)");
        assertThat(unusedByTheCommand.exitCode()).isZero();
    }

    @Test
    void helpShowsTheDefaultInForce() {
        CommandRunner help = run(Map.of("NEWSFLOW_BOOTSTRAP_SERVERS", "broker:9093"), "ingest", "--help");

        assertThat(help.out()).contains("(default: broker:9093;");
    }

    private static CommandRunner run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Newsflow.commandLine(env, args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new CommandRunner(exitCode, out.toString(), err.toString());
    }
}
