package io.newsflow.processing;

import io.newsflow.schemas.validate.ArticleValidator;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.util.ParameterTool;

/**
 * The options of the enrichment job, with their defaults in one place and checked at start.
 *
 * <pre>
 * --bootstrap-servers        Kafka bootstrap servers                         (localhost:9092)
 * --input-topic              topic of raw articles                           (articles)
 * --output-topic             topic of enriched articles                      (articles.enriched)
 * --dlq-topic                topic of dead letters                           (articles.dlq)
 * --group-id                 consumer group of the source                    (newsflow-enrichment)
 * --starting-offsets         earliest | latest | committed                   (committed, else earliest)
 * --delivery-guarantee       exactly-once | at-least-once                    (exactly-once)
 * --transactional-id-prefix  prefix of the sink's transactional ids; unique per job (newsflow-enrichment)
 * --max-body-bytes           longest body accepted, in UTF-8 bytes           (1048576)
 * --dedup-ttl                how long an article id is remembered for dedup, ISO-8601 (P7D)
 * --control-topic            topic of knowledge-base updates (newsflow kb publish) (articles.control)
 * --kafka.&lt;setting&gt;          passed to every Kafka client as it is (e.g. --kafka.security.protocol SASL_SSL)
 * </pre>
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

    /** The defaults, for a broker on localhost:9092. */
    public static EnrichmentJobConfig defaults() {
        return fromArgs(new String[0]);
    }

    /** Reads {@code --name value} options; an unknown value fails with a message naming the option. */
    public static EnrichmentJobConfig fromArgs(String[] args) {
        ParameterTool params = ParameterTool.fromArgs(args);
        Map<String, String> kafka = new LinkedHashMap<>();
        params.toMap().forEach((key, value) -> {
            if (key.startsWith("kafka.")) {
                kafka.put(key.substring("kafka.".length()), value);
            }
        });
        return new EnrichmentJobConfig(
                params.get("bootstrap-servers", DEFAULT_BOOTSTRAP_SERVERS),
                params.get("input-topic", DEFAULT_INPUT_TOPIC),
                params.get("output-topic", DEFAULT_OUTPUT_TOPIC),
                params.get("dlq-topic", DEFAULT_DLQ_TOPIC),
                params.get("group-id", DEFAULT_GROUP_ID),
                parseEnum(StartingOffsets.class, "--starting-offsets", params.get("starting-offsets", "committed")),
                parseGuarantee(params.get("delivery-guarantee", "exactly-once")),
                params.get("transactional-id-prefix", DEFAULT_GROUP_ID),
                parseInt("--max-body-bytes", params.get("max-body-bytes", String.valueOf(ArticleValidator.DEFAULT_MAX_BODY_BYTES))),
                parseDuration("--dedup-ttl", params.get("dedup-ttl", DEFAULT_DEDUP_TTL.toString())),
                params.get("control-topic", DEFAULT_CONTROL_TOPIC),
                kafka);
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
        map.put("bootstrap-servers", bootstrapServers);
        map.put("input-topic", inputTopic);
        map.put("output-topic", outputTopic);
        map.put("dlq-topic", dlqTopic);
        map.put("group-id", groupId);
        map.put("starting-offsets", startingOffsets.name().toLowerCase(Locale.ROOT));
        map.put("delivery-guarantee", deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE ? "exactly-once" : "at-least-once");
        map.put("transactional-id-prefix", transactionalIdPrefix);
        map.put("max-body-bytes", String.valueOf(maxBodyBytes));
        map.put("dedup-ttl", dedupTtl.toString());
        map.put("control-topic", controlTopic);
        kafka.forEach((k, v) -> map.put("kafka." + k, v));
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

    private static DeliveryGuarantee parseGuarantee(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "exactly-once", "exactly_once" -> DeliveryGuarantee.EXACTLY_ONCE;
            case "at-least-once", "at_least_once" -> DeliveryGuarantee.AT_LEAST_ONCE;
            default -> throw new IllegalArgumentException(
                    "--delivery-guarantee must be exactly-once or at-least-once, got '" + value + "'");
        };
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", got '" + value + "'");
        }
    }

    private static Duration parseDuration(String option, String value) {
        try {
            return Duration.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an ISO-8601 duration such as P7D or PT12H, got '" + value + "'");
        }
    }

    private static int parseInt(String option, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + value + "'");
        }
    }

    private static void checkNotBlank(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
    }
}
