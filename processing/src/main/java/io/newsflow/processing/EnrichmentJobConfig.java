package io.newsflow.processing;

import io.newsflow.processing.config.ConfigOption;
import io.newsflow.processing.config.ConfigValues;
import io.newsflow.schemas.validate.ArticleValidator;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.util.ParameterTool;

/**
 * The options of the enrichment job, with their defaults in one place and checked at start. {@link #OPTIONS}
 * lists them, each with its name, default and meaning (the README's options table is checked against it);
 * {@link #fromArgs} reads them from flags ({@code --name value}), the environment ({@code NEWSFLOW_NAME}) and a
 * properties file ({@code --config FILE}), in that order of precedence (see {@link ConfigValues}). Kafka client
 * settings pass through: {@code --kafka.security.protocol SASL_SSL}.
 *
 * <p>A new option: a record component, a {@link ConfigOption} constant added to {@link #OPTIONS}, a line in
 * {@link #from} and in {@link #toMap}.
 */
public record EnrichmentJobConfig(
        String bootstrapServers,
        String inputTopic,
        String outputTopic,
        String dlqTopic,
        String groupId,
        StartingOffsets startingOffsets,
        DeliveryGuarantee deliveryGuarantee,
        String transactionalIdPrefix,
        int maxBodyBytes,
        Duration dedupTtl,
        String controlTopic,
        Map<String, String> kafka) implements Serializable {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_INPUT_TOPIC = "articles";
    public static final String DEFAULT_OUTPUT_TOPIC = "articles.enriched";
    public static final String DEFAULT_DLQ_TOPIC = "articles.dlq";
    public static final String DEFAULT_CONTROL_TOPIC = "articles.control";
    public static final String DEFAULT_GROUP_ID = "newsflow-enrichment";
    public static final Duration DEFAULT_DEDUP_TTL = Duration.ofDays(7);
    /** Kept below the broker's default transaction.max.timeout.ms (15 min) so the sink is not refused. */
    public static final int SINK_TRANSACTION_TIMEOUT_MS = 10 * 60 * 1000;

    /** Where the source starts when the group has no committed offset: always the earliest. */
    public enum StartingOffsets { EARLIEST, LATEST, COMMITTED }

    public static final ConfigOption<String> BOOTSTRAP_SERVERS = ConfigOption.text("bootstrap-servers",
            DEFAULT_BOOTSTRAP_SERVERS, "Kafka bootstrap servers");
    public static final ConfigOption<String> INPUT_TOPIC = ConfigOption.text("input-topic",
            DEFAULT_INPUT_TOPIC, "topic of raw articles");
    public static final ConfigOption<String> OUTPUT_TOPIC = ConfigOption.text("output-topic",
            DEFAULT_OUTPUT_TOPIC, "topic of enriched articles");
    public static final ConfigOption<String> DLQ_TOPIC = ConfigOption.text("dlq-topic",
            DEFAULT_DLQ_TOPIC, "topic of dead letters");
    public static final ConfigOption<String> GROUP_ID = ConfigOption.text("group-id",
            DEFAULT_GROUP_ID, "consumer group of the job's source");
    public static final ConfigOption<StartingOffsets> STARTING_OFFSETS = ConfigOption.choice("starting-offsets",
            "committed", "where the source starts: `earliest`, `latest`, or `committed` (earliest when the group has none)",
            choices(StartingOffsets.values()));
    public static final ConfigOption<DeliveryGuarantee> DELIVERY_GUARANTEE = ConfigOption.choice("delivery-guarantee",
            "exactly-once", "`exactly-once` or `at-least-once` (lower latency: output is visible at once instead of at the next "
                    + "checkpoint, but after a failure the records since the last checkpoint are written again; tested: nothing lost)",
            guarantees());
    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX = ConfigOption.text("transactional-id-prefix",
            DEFAULT_GROUP_ID, "prefix of the sinks' transactional ids; must be unique per job");
    public static final ConfigOption<Integer> MAX_BODY_BYTES = ConfigOption.positiveInt("max-body-bytes",
            ArticleValidator.DEFAULT_MAX_BODY_BYTES, "longest article body accepted, in UTF-8 bytes (the ingest edge applies the job's rule)");
    public static final ConfigOption<Duration> DEDUP_TTL = ConfigOption.positiveDuration("dedup-ttl",
            DEFAULT_DEDUP_TTL, "how long an article id is remembered to recognise re-sends and updates (ISO-8601)");
    public static final ConfigOption<String> CONTROL_TOPIC = ConfigOption.text("control-topic",
            DEFAULT_CONTROL_TOPIC, "topic of knowledge-base updates (`newsflow kb publish`); one partition, compacted");

    /** Every option of the job, in the order the README's table lists them. */
    public static final List<ConfigOption<?>> OPTIONS = List.of(BOOTSTRAP_SERVERS, INPUT_TOPIC, OUTPUT_TOPIC,
            DLQ_TOPIC, GROUP_ID, STARTING_OFFSETS, DELIVERY_GUARANTEE, TRANSACTIONAL_ID_PREFIX, MAX_BODY_BYTES, DEDUP_TTL,
            CONTROL_TOPIC);

    public EnrichmentJobConfig {
        checkNotBlank(bootstrapServers, "--bootstrap-servers");
        checkNotBlank(inputTopic, "--input-topic");
        checkNotBlank(outputTopic, "--output-topic");
        checkNotBlank(dlqTopic, "--dlq-topic");
        checkNotBlank(groupId, "--group-id");
        checkNotBlank(transactionalIdPrefix, "--transactional-id-prefix");
        checkNotBlank(controlTopic, "--control-topic");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("--max-body-bytes must be > 0, got " + maxBodyBytes);
        }
        if (java.util.stream.Stream.of(inputTopic, outputTopic, dlqTopic, controlTopic).distinct().count() < 4) {
            throw new IllegalArgumentException("--input-topic, --output-topic, --dlq-topic and --control-topic must "
                    + "differ, got " + inputTopic + ", " + outputTopic + ", " + dlqTopic + ", " + controlTopic);
        }
        if (dedupTtl.isNegative() || dedupTtl.isZero()) {
            throw new IllegalArgumentException("--dedup-ttl must be positive, got " + dedupTtl);
        }
        kafka = Map.copyOf(kafka);
    }

    /** The defaults, for a broker on localhost:9092: no environment variable or file is read. */
    public static EnrichmentJobConfig defaults() {
        return from(ConfigValues.defaults(OPTIONS));
    }

    /**
     * Reads {@code --name value} flags, then the environment, then the {@code --config} file (see
     * {@link ConfigValues}); an unknown option or a bad value fails with a message naming it.
     */
    public static EnrichmentJobConfig fromArgs(String[] args) {
        return fromArgs(args, System.getenv());
    }

    /** {@link #fromArgs(String[])} with the environment given. */
    public static EnrichmentJobConfig fromArgs(String[] args, Map<String, String> env) {
        Map<String, String> flags = ParameterTool.fromArgs(args).toMap();
        flags.forEach((name, value) -> {
            if (NO_VALUE.equals(value)) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        });
        return from(ConfigValues.resolve(OPTIONS, flags, env));
    }

    /** The job's options from resolved values. */
    public static EnrichmentJobConfig from(ConfigValues values) {
        return new EnrichmentJobConfig(
                values.get(BOOTSTRAP_SERVERS),
                values.get(INPUT_TOPIC),
                values.get(OUTPUT_TOPIC),
                values.get(DLQ_TOPIC),
                values.get(GROUP_ID),
                values.get(STARTING_OFFSETS),
                values.get(DELIVERY_GUARANTEE),
                values.get(TRANSACTIONAL_ID_PREFIX),
                values.get(MAX_BODY_BYTES),
                values.get(DEDUP_TTL),
                values.get(CONTROL_TOPIC),
                values.kafka());
    }

    /** The options as a usage text, one a line: flag, default, meaning. */
    public static String usage() {
        StringBuilder usage = new StringBuilder("Options (--name value; or NEWSFLOW_NAME; or name=value in --config FILE):\n");
        for (ConfigOption<?> option : OPTIONS) {
            usage.append(String.format("  %-27s %s (default: %s)%n", option.flag(), option.meaning().replace("`", ""),
                    option.defaultValue()));
        }
        return usage.append(String.format("  %-27s %s%n", "--kafka.<setting> VALUE", "passed to every Kafka client as it is"))
                .toString();
    }

    public EnrichmentJobConfig withBootstrapServers(String servers) {
        return new EnrichmentJobConfig(servers, inputTopic, outputTopic, dlqTopic, groupId, startingOffsets,
                deliveryGuarantee, transactionalIdPrefix, maxBodyBytes, dedupTtl, controlTopic, kafka);
    }

    public EnrichmentJobConfig withTopics(String input, String output, String dlq) {
        return new EnrichmentJobConfig(bootstrapServers, input, output, dlq, groupId, startingOffsets,
                deliveryGuarantee, transactionalIdPrefix, maxBodyBytes, dedupTtl, controlTopic, kafka);
    }

    public EnrichmentJobConfig withControlTopic(String topic) {
        return new EnrichmentJobConfig(bootstrapServers, inputTopic, outputTopic, dlqTopic, groupId, startingOffsets,
                deliveryGuarantee, transactionalIdPrefix, maxBodyBytes, dedupTtl, topic, kafka);
    }

    public EnrichmentJobConfig withGroup(String group, String transactionalPrefix) {
        return new EnrichmentJobConfig(bootstrapServers, inputTopic, outputTopic, dlqTopic, group, startingOffsets,
                deliveryGuarantee, transactionalPrefix, maxBodyBytes, dedupTtl, controlTopic, kafka);
    }

    public EnrichmentJobConfig withDeliveryGuarantee(DeliveryGuarantee guarantee) {
        return new EnrichmentJobConfig(bootstrapServers, inputTopic, outputTopic, dlqTopic, groupId, startingOffsets,
                guarantee, transactionalIdPrefix, maxBodyBytes, dedupTtl, controlTopic, kafka);
    }

    /** The options as {@code --name value} pairs, as {@link #fromArgs} reads them. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(BOOTSTRAP_SERVERS.name(), bootstrapServers);
        map.put(INPUT_TOPIC.name(), inputTopic);
        map.put(OUTPUT_TOPIC.name(), outputTopic);
        map.put(DLQ_TOPIC.name(), dlqTopic);
        map.put(GROUP_ID.name(), groupId);
        map.put(STARTING_OFFSETS.name(), startingOffsets.name().toLowerCase(Locale.ROOT));
        map.put(DELIVERY_GUARANTEE.name(), deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE ? "exactly-once" : "at-least-once");
        map.put(TRANSACTIONAL_ID_PREFIX.name(), transactionalIdPrefix);
        map.put(MAX_BODY_BYTES.name(), String.valueOf(maxBodyBytes));
        map.put(DEDUP_TTL.name(), dedupTtl.toString());
        map.put(CONTROL_TOPIC.name(), controlTopic);
        kafka.forEach((k, v) -> map.put(ConfigValues.KAFKA_PREFIX + k, v));
        return map;
    }

    /**
     * The options for people to read (Flink's web UI shows a job's parameters): Kafka settings that hold
     * secrets — passwords, JAAS configurations, keys, tokens — are masked.
     */
    public Map<String, String> toDisplayMap() {
        Map<String, String> map = toMap();
        map.replaceAll((key, value) -> key.startsWith("kafka.") && SECRET.matcher(key).find() ? "******" : value);
        return map;
    }

    private static final java.util.regex.Pattern SECRET =
            java.util.regex.Pattern.compile("password|jaas|secret|token|credential|\\.key$", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** What ParameterTool gives a flag without a value. */
    private static final String NO_VALUE = "__NO_VALUE_KEY";

    private static Map<String, StartingOffsets> choices(StartingOffsets[] values) {
        Map<String, StartingOffsets> choices = new LinkedHashMap<>();
        for (StartingOffsets value : values) {
            choices.put(value.name().toLowerCase(Locale.ROOT), value);
        }
        return choices;
    }

    private static Map<String, DeliveryGuarantee> guarantees() {
        Map<String, DeliveryGuarantee> choices = new LinkedHashMap<>();
        choices.put("exactly-once", DeliveryGuarantee.EXACTLY_ONCE);
        choices.put("at-least-once", DeliveryGuarantee.AT_LEAST_ONCE);
        return choices;
    }

    private static void checkNotBlank(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
    }
}
