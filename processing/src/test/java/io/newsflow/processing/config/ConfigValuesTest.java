package io.newsflow.processing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    private static final ConfigOption<String> TOPIC = ConfigOption.text("input-topic", "articles", "raw articles");
    private static final ConfigOption<Integer> MAX = ConfigOption.positiveInt("max-body-bytes", 10, "longest body");
    private static final ConfigOption<Duration> TTL = ConfigOption.positiveDuration("dedup-ttl", Duration.ofDays(7), "ttl");
    private static final List<ConfigOption<?>> OPTIONS = List.of(TOPIC, MAX, TTL);

    private static Path file(String content) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "config-test"));
        return Files.writeString(dir.resolve("newsflow-" + UUID.randomUUID() + ".properties"), content);
    }

    @Test
    void precedenceIsFlagThenEnvironmentThenFileThenDefault() throws IOException {
        Path file = file("input-topic=file-topic\nmax-body-bytes=30\ndedup-ttl=PT3H\n");

        ConfigValues values = ConfigValues.resolve(OPTIONS, Map.of("config", file.toString(), "max-body-bytes", "10"),
                Map.of("NEWSFLOW_INPUT_TOPIC", "env-topic", "NEWSFLOW_MAX_BODY_BYTES", "20"));

        assertThat(values.get(MAX)).isEqualTo(10);
        assertThat(values.get(TOPIC)).isEqualTo("env-topic");
        assertThat(values.get(TTL)).isEqualTo(Duration.ofHours(3));
        assertThat(values.source(MAX)).isEqualTo("--max-body-bytes");
        assertThat(values.source(TOPIC)).isEqualTo("NEWSFLOW_INPUT_TOPIC");
        assertThat(values.source(TTL)).isEqualTo(file.toString());
        assertThat(ConfigValues.resolve(OPTIONS, Map.of(), Map.of()).get(TTL)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void theFileComesFromTheEnvironmentWhenNoFlagNamesOne() throws IOException {
        Path file = file("input-topic=file-topic\n");

        ConfigValues values = ConfigValues.resolve(OPTIONS, Map.of(), Map.of("NEWSFLOW_CONFIG", file.toString()));

        assertThat(values.get(TOPIC)).isEqualTo("file-topic");
    }

    @Test
    void kafkaSettingsPassThroughFromEveryPlaceSettingBySetting() throws IOException {
        Path file = file("kafka.security.protocol=SSL\nkafka.sasl.mechanism=PLAIN\nkafka.client.rack=a\n");

        ConfigValues values = ConfigValues.resolve(OPTIONS,
                Map.of("config", file.toString(), "kafka.client.rack", "c"),
                Map.of("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "NEWSFLOW_KAFKA_CLIENT_RACK", "b"));

        assertThat(values.kafka()).containsOnly(Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "PLAIN"), Map.entry("client.rack", "c"));
        assertThat(values.withoutKafka().kafka()).isEmpty();
    }

    @Test
    void unknownFlagsAreErrorsNamingThemWithTheLikelyOption() {
        assertThatThrownBy(() -> ConfigValues.resolve(OPTIONS, Map.of("inptu-topic", "x", "frobnicate", "y"), Map.of()))
                .hasMessageContaining("unknown options ")
                .hasMessageContaining("--inptu-topic (did you mean --input-topic?)")
                .hasMessageContaining("--frobnicate")
                .hasMessageEndingWith("the options are --input-topic, --max-body-bytes, --dedup-ttl and --kafka.<setting>");
    }

    @Test
    void unknownKeysInTheFileAreErrorsNamingTheFileAndThem() throws IOException {
        Path file = file("input-topic=a\nmax-body-byte=5\n");

        assertThatThrownBy(() -> ConfigValues.resolve(OPTIONS, Map.of("config", file.toString()), Map.of()))
                .hasMessageStartingWith(file + ": unknown option max-body-byte (did you mean max-body-bytes?)");
    }

    @Test
    void aMissingFileIsAnErrorNamingWhereItWasGiven() {
        assertThatThrownBy(() -> ConfigValues.resolve(OPTIONS, Map.of(), Map.of("NEWSFLOW_CONFIG", "no/such.properties")))
                .hasMessage("NEWSFLOW_CONFIG no/such.properties: no such file");
    }

    @Test
    void badValuesNameTheOptionTheValueAndWhereItCameFrom() throws IOException {
        Path file = file("dedup-ttl=7 days\n");
        ConfigValues values = ConfigValues.resolve(OPTIONS, Map.of("config", file.toString()),
                Map.of("NEWSFLOW_MAX_BODY_BYTES", "0"));

        assertThatThrownBy(() -> values.get(MAX)).hasMessage("--max-body-bytes must be > 0, got 0 (from NEWSFLOW_MAX_BODY_BYTES)");
        assertThatThrownBy(() -> values.get(TTL))
                .hasMessage("--dedup-ttl must be an ISO-8601 duration such as P7D or PT12H, got '7 days' (from " + file + ")");
        assertThatThrownBy(() -> ConfigValues.resolve(OPTIONS, Map.of("input-topic", " "), Map.of()).get(TOPIC))
                .hasMessage("--input-topic must not be empty");
    }

    @Test
    void otherVariablesAreLeftAloneAndEmptyOnesCountAsUnset() {
        ConfigValues values = ConfigValues.resolve(OPTIONS, Map.of(),
                Map.of("NEWSFLOW_HOME", "/opt", "NEWSFLOW_INPUT_TOPC", "typo", "NEWSFLOW_INPUT_TOPIC", "", "PATH", "/bin"));

        assertThat(values.get(TOPIC)).isEqualTo("articles");
        assertThat(values.source(TOPIC)).isEqualTo("default");
    }

    @Test
    void choicesIgnoreCaseAndUnderscoresAndListTheWordsWhenWrong() {
        ConfigOption<Boolean> choice = ConfigOption.choice("mode", "on", "a mode", Map.of("on", true));
        ConfigOption<Integer> three = ConfigOption.choice("level", "low-level", "a level",
                new java.util.LinkedHashMap<>(Map.of("low-level", 1)));

        assertThat(choice.parse("ON", null)).isTrue();
        assertThat(three.parse("LOW_LEVEL", null)).isEqualTo(1);
        assertThatThrownBy(() -> choice.parse("off", "NEWSFLOW_MODE")).hasMessage("--mode must be on, got 'off' (from NEWSFLOW_MODE)");
    }

    @Test
    void envVariableNamesAreTheOptionNamesInUpperSnakeCase() {
        assertThat(TOPIC.envVar()).isEqualTo("NEWSFLOW_INPUT_TOPIC");
        assertThat(TOPIC.flag()).isEqualTo("--input-topic");
    }
}
