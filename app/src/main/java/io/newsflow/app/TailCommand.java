package io.newsflow.app;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.EntityType;
import io.newsflow.schemas.serde.EnrichedArticleSerde;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow tail}: follows the enriched articles, a readable line (or JSON) each, optionally filtered. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Follows the enriched articles as a downstream consumer does (read_committed) and prints a line "
                + "per article: title, top entities with types, top topics; or --json.",
                "Filters: an entity by name or id, its type and salience; a topic by IPTC code or label."})
final class TailCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @SharedOption("bootstrap-servers")
    @Option(names = {"-b", "--bootstrap-servers"},
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}; $NEWSFLOW_BOOTSTRAP_SERVERS, --config).")
    String bootstrapServers;

    @SharedOption("output-topic")
    @Option(names = "--output-topic",
            description = "Topic of enriched articles (default: ${DEFAULT-VALUE}; $NEWSFLOW_OUTPUT_TOPIC, --config).")
    String outputTopic;

    @Option(names = "--entity", description = "Only articles with an entity whose name contains this, or whose id is this.")
    String entity;

    @Option(names = "--type", converter = EntityTypes.class, description = "Only articles with an entity of this type: "
            + "PERSON, ORGANIZATION, LOCATION, PRODUCT or EVENT (any case).")
    String type;

    @Option(names = "--topic", description = "Only articles with this IPTC topic: a code (medtop:15000000) or part of a label (sport).")
    String topic;

    @Option(names = "--min-salience", defaultValue = "0", description = "Least salience of the matching entity (default: ${DEFAULT-VALUE}).")
    double minSalience;

    @Option(names = "--from-beginning", description = "Start at the oldest article instead of new ones only.")
    boolean fromBeginning;

    @Option(names = "--json", description = "One JSON object per line instead of a readable line.")
    boolean json;

    @Option(names = "--max", defaultValue = "-1", description = "Stop after this many articles are shown (default: follow until Ctrl-C).")
    long max;

    @Option(names = {"-e", "--exit-at-end"}, description = "Stop at the end of the topic instead of waiting for more.")
    boolean exitAtEnd;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EnrichedFilter filter = new EnrichedFilter(entity, type, topic, minSalience);
        EventFormatter formatter = new EventFormatter();
        long shown = 0;
        try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(config(), new StringDeserializer(),
                new EnrichedArticleSerde.Deserializer())) {
            AtomicBoolean stopping = new AtomicBoolean();
            Thread hook = new Thread(() -> {
                stopping.set(true);
                consumer.wakeup();
            }, "newsflow-tail-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            List<TopicPartition> partitions = TopicPartitions.of(consumer, outputTopic, bootstrapServers);
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!stopping.get() && (max < 0 || shown < max) && !(exitAtEnd && atEnd(consumer, end))) {
                for (ConsumerRecord<String, EnrichedArticle> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!filter.test(record.value()) || (max >= 0 && shown >= max)) {
                        continue;
                    }
                    out.println(json ? formatter.toJson(record.value()).toString() : formatter.line(record.value(), 4, 2));
                    shown++;
                }
                out.flush();
            }
            if (!stopping.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        } catch (WakeupException e) {
            // Ctrl-C
        }
        out.flush();
        return 0;
    }

    /** Checks --type, which would otherwise match nothing when misspelt: one of the types the engine gives, any case. */
    static final class EntityTypes implements CommandLine.ITypeConverter<String> {
        /** OTHER is in the schema, but the engine drops such names, so no event has one. */
        static final List<String> TYPES = Stream.of(EntityType.values()).filter(t -> t != EntityType.OTHER)
                .map(Enum::name).toList();

        @Override
        public String convert(String value) {
            String type = value.strip().toUpperCase(Locale.ROOT);
            if (!TYPES.contains(type)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an entity type; valid values "
                        + "(any case): " + String.join(", ", TYPES));
            }
            return type;
        }
    }

    /** Whether every partition was read up to the offset that was its end (last stable offset) at start. */
    private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new HashMap<String, Object>(kafka.settings());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-tail");
        return config;
    }
}
