package io.newsflow.app;

import io.newsflow.processing.functions.DeadLetters;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.serde.DeadLetterSerde;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow dlq list|replay}: what is in the dead-letter topic, and sending it back after a fix. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Looks at the dead-letter topic and replays dead letters to the input topic.",
        subcommands = {DlqCommand.ListCommand.class, DlqCommand.ReplayCommand.class})
final class DlqCommand {

    /** Options both subcommands take. */
    static final class Target {
        @SharedOption("bootstrap-servers")
        @Option(names = {"-b", "--bootstrap-servers"},
                description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}; $NEWSFLOW_BOOTSTRAP_SERVERS, --config).")
        String bootstrapServers;

        @SharedOption("dlq-topic")
        @Option(names = "--dlq-topic",
                description = "Topic of dead letters (default: ${DEFAULT-VALUE}; $NEWSFLOW_DLQ_TOPIC, --config).")
        String dlqTopic;

        @Mixin
        KafkaOptions kafka;

        Map<String, Object> client() {
            Map<String, Object> config = new HashMap<>(kafka.settings());
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            return config;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Counts the dead letters by stage and reason, most frequent first, with a few examples each.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @Option(names = "--samples", defaultValue = "3", description = "Examples per reason (default: ${DEFAULT-VALUE}).")
        int samples;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, List<DeadLetter>> byReason = new LinkedHashMap<>();
            List<ConsumerRecord<String, DeadLetter>> letters = readAll(target);
            letters.forEach(r -> byReason.computeIfAbsent(r.value().getStage() + "  " + r.value().getReason(),
                    k -> new ArrayList<>()).add(r.value()));
            out.printf("%d dead letter(s) in %s%n", letters.size(), target.dlqTopic);
            byReason.entrySet().stream()
                    .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                    .forEach(e -> {
                        out.printf("%6d  %s%n", e.getValue().size(), e.getKey());
                        e.getValue().stream().limit(samples).forEach(l -> out.printf("        %s from %s-%d@%d at %s%n",
                                l.getArticleId() == null ? "(no article id)" : l.getArticleId(), l.getSourceTopic(),
                                l.getSourcePartition(), l.getSourceOffset(), l.getFailedAt()));
                    });
            out.flush();
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Publishes dead letters' original key and bytes to the input topic again, after a fix.",
                    "Each dead letter is replayed once: the replayed ones are recorded in the compacted topic <dlq-topic>.replayed."})
    static final class ReplayCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @SharedOption("input-topic")
        @Option(names = "--input-topic",
                description = "Where to send them (default: ${DEFAULT-VALUE}; $NEWSFLOW_INPUT_TOPIC, --config).")
        String inputTopic;

        @Option(names = "--reason", description = "Only dead letters whose reason contains this text.")
        String reason;

        @Option(names = "--since", description = "Only dead letters that failed at or after this ISO-8601 instant.")
        Instant since;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            String ledger = target.dlqTopic + ".replayed";
            ensureLedger(ledger);
            Set<String> done = readLedger(ledger);
            int replayed = 0;
            int already = 0;
            int skipped = 0;
            Map<String, Object> producerConfig = target.client();
            producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
            producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            try (KafkaProducer<byte[], byte[]> input = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
                 KafkaProducer<String, String> marks = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
                for (ConsumerRecord<String, DeadLetter> record : readAll(target)) {
                    DeadLetter letter = record.value();
                    String mark = record.partition() + "@" + record.offset();
                    if ((reason != null && !letter.getReason().contains(reason))
                            || (since != null && letter.getFailedAt().isBefore(since))) {
                        continue;
                    }
                    if (done.contains(mark)) {
                        already++;
                        continue;
                    }
                    if (letter.getValue() == null) {
                        skipped++; // a tombstone carries nothing to replay
                        continue;
                    }
                    input.send(new ProducerRecord<>(inputTopic, DeadLetters.bytes(letter.getKey()), DeadLetters.bytes(letter.getValue()))).get();
                    marks.send(new ProducerRecord<>(ledger, mark, Instant.now().toString())).get();
                    replayed++;
                }
            }
            out.printf("replayed %d dead letter(s) to %s; %d replayed before, %d tombstone(s) skipped%n",
                    replayed, inputTopic, already, skipped);
            out.flush();
            return 0;
        }

        private void ensureLedger(String ledger) throws InterruptedException {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers))) {
                admin.createTopics(List.of(new NewTopic(ledger, 1, (short) -1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                        .all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create " + ledger + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Kafka at " + target.bootstrapServers + " did not answer in 30 s", e);
            }
        }

        private Set<String> readLedger(String ledger) {
            Set<String> done = new HashSet<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(target.client(), new StringDeserializer(), new StringDeserializer())) {
                drain(consumer, ledger, target.bootstrapServers, r -> done.add(r.key()));
            }
            return done;
        }
    }

    /** Every dead letter in the topic now, oldest first per partition. */
    static List<ConsumerRecord<String, DeadLetter>> readAll(Target target) {
        List<ConsumerRecord<String, DeadLetter>> all = new ArrayList<>();
        Map<String, Object> config = target.client();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(config,
                new StringDeserializer(), new DeadLetterSerde.Deserializer())) {
            drain(consumer, target.dlqTopic, target.bootstrapServers, all::add);
        }
        return all;
    }

    /** Reads a topic from the beginning up to its end offsets as they are when it starts. */
    private static <V> void drain(KafkaConsumer<String, V> consumer, String topic, String bootstrapServers,
                                  java.util.function.Consumer<ConsumerRecord<String, V>> each) {
        List<TopicPartition> partitions = TopicPartitions.of(consumer, topic, bootstrapServers);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end in 60 s");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(each);
        }
    }
}
