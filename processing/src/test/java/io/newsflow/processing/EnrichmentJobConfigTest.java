package io.newsflow.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

class EnrichmentJobConfigTest {

    @Test
    void defaults() {
        EnrichmentJobConfig config = EnrichmentJobConfig.defaults();

        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.inputTopic()).isEqualTo("articles");
        assertThat(config.outputTopic()).isEqualTo("articles.enriched");
        assertThat(config.dlqTopic()).isEqualTo("articles.dlq");
        assertThat(config.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheFile() throws Exception {
        Path file = Files.createDirectories(Path.of("target", "config-test")).resolve("job-" + UUID.randomUUID() + ".properties");
        Files.writeString(file, "input-topic=from-file\noutput-topic=out-from-file\nkafka.security.protocol=SSL\n"
                + "kafka.client.rack=file-rack\n");
        Map<String, String> env = Map.of("NEWSFLOW_INPUT_TOPIC", "from-env", "NEWSFLOW_CONFIG", file.toString(),
                "NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "NEWSFLOW_DEDUP_TTL", "PT1H");

        EnrichmentJobConfig config = EnrichmentJobConfig.fromArgs(new String[] {"--dedup-ttl", "PT2H"}, env);

        assertThat(config.inputTopic()).isEqualTo("from-env");
        assertThat(config.outputTopic()).isEqualTo("out-from-file");
        assertThat(config.dedupTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(config.kafka()).containsEntry("security.protocol", "SASL_SSL").containsEntry("client.rack", "file-rack");
        assertThat(EnrichmentJobConfig.defaults().inputTopic()).as("defaults() reads nothing").isEqualTo("articles");
    }

    @Test
    void readsOptionsAndPassesKafkaSettingsThrough() {
        EnrichmentJobConfig config = EnrichmentJobConfig.fromArgs(new String[] {
                "--input-topic", "in", "--delivery-guarantee", "at-least-once", "--starting-offsets", "latest",
                "--kafka.security.protocol", "SASL_SSL", "--max-body-bytes", "10"});

        assertThat(config.inputTopic()).isEqualTo("in");
        assertThat(config.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(config.startingOffsets()).isEqualTo(EnrichmentJobConfig.StartingOffsets.LATEST);
        assertThat(config.kafka()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(EnrichmentJobConfig.fromArgs(config.toMap().entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of("--" + e.getKey(), e.getValue())).toArray(String[]::new)))
                .isEqualTo(config);
    }

    @Test
    void theDisplayedOptionsHideSecrets() {
        EnrichmentJobConfig config = EnrichmentJobConfig.fromArgs(new String[] {
                "--kafka.sasl.jaas.config", "PlainLoginModule required username=\"u\" password=\"p\";",
                "--kafka.ssl.key.password", "k", "--kafka.security.protocol", "SASL_SSL"});

        assertThat(config.toDisplayMap())
                .containsEntry("kafka.sasl.jaas.config", "******")
                .containsEntry("kafka.ssl.key.password", "******")
                .containsEntry("kafka.security.protocol", "SASL_SSL")
                .containsEntry("input-topic", "articles");
    }

    @Test
    void failsFastWithTheOptionName() {
        assertThatThrownBy(() -> EnrichmentJobConfig.fromArgs(new String[] {"--delivery-guarantee", "maybe"}))
                .hasMessage("--delivery-guarantee must be exactly-once or at-least-once, got 'maybe'");
        assertThatThrownBy(() -> EnrichmentJobConfig.fromArgs(new String[] {"--max-body-bytes", "0"}))
                .hasMessage("--max-body-bytes must be > 0, got 0");
        assertThatThrownBy(() -> EnrichmentJobConfig.fromArgs(new String[] {"--max-body-bytes", "lots"}))
                .hasMessage("--max-body-bytes must be a whole number, got 'lots'");
        assertThatThrownBy(() -> EnrichmentJobConfig.fromArgs(new String[] {"--output-topic", "articles"}))
                .hasMessageStartingWith("--input-topic, --output-topic, --dlq-topic and --control-topic must differ");
        assertThatThrownBy(() -> EnrichmentJobConfig.fromArgs(new String[] {"--starting-offsets", "middle"}))
                .hasMessage("--starting-offsets must be earliest, latest or committed, got 'middle'");
        assertThatThrownBy(() -> EnrichmentJobConfig.fromArgs(new String[] {"--inptu-topic", "x", "--dedup-ttl"}, Map.of()))
                .hasMessageStartingWith("--dedup-ttl needs a value");
        assertThatThrownBy(() -> EnrichmentJobConfig.fromArgs(new String[] {"--inptu-topic", "x"}, Map.of()))
                .hasMessageStartingWith("unknown option --inptu-topic (did you mean --input-topic?); the options are --bootstrap-servers, ");
    }
}
