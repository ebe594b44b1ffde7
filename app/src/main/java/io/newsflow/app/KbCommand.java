package io.newsflow.app;

import io.newsflow.processing.enrich.NewsEnrichmentEngine;
import io.newsflow.schemas.KnowledgeUpdate;
import io.newsflow.schemas.serde.KnowledgeUpdateSerde;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow kb}: knowledge-base updates for the running job. */
@Command(name = "kb", mixinStandardHelpOptions = true,
        description = "Knowledge-base and topic-lexicon updates for the running job, without a restart.",
        subcommands = {KbCommand.Publish.class, HelpCommand.class})
final class KbCommand {

    /** The record key of every update: the control topic is compacted, so the latest update is what stays. */
    static final String KEY = "knowledge-update";

    // not mixinStandardHelpOptions: its --version would clash with the update's --version, and picocli then drops
    // --help with it
    @Command(name = "publish",
            description = {"Checks an update here, then sends it to the control topic; the job applies it from the next "
                    + "article on and every enriched event names it in its kb_version.",
                    "--entities: rows in the format of entities.tsv, added on top of the bundled knowledge base (a row "
                            + "with a bundled entity's id replaces it). --topics: a whole lexicon in the format of "
                            + "iptc-topics.tsv, replacing the bundled one."})
    static final class Publish implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--version", required = true, description = "Names the update, e.g. 2026-11-26-local-politicians.")
        String version;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Option(names = "--entities", paramLabel = "FILE", description = "Knowledge-base rows to add (TSV).")
        Path entities;

        @Option(names = "--topics", paramLabel = "FILE", description = "A topic lexicon to use instead of the bundled one (TSV).")
        Path topics;

        @SharedOption("bootstrap-servers")
        @Option(names = {"-b", "--bootstrap-servers"},
                description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}; $NEWSFLOW_BOOTSTRAP_SERVERS, --config).")
        String bootstrapServers;

        @SharedOption("control-topic")
        @Option(names = "--control-topic",
                description = "The job's control topic (default: ${DEFAULT-VALUE}; $NEWSFLOW_CONTROL_TOPIC, --config).")
        String controlTopic;

        @Mixin
        KafkaOptions kafka;

        @Override
        public Integer call() throws Exception {
            if (entities == null && topics == null) {
                throw new IllegalArgumentException("give --entities FILE, --topics FILE or both");
            }
            KnowledgeUpdate update = KnowledgeUpdate.newBuilder()
                    .setVersion(version)
                    .setEntities(read(entities))
                    .setTopics(read(topics))
                    .setPublishedAt(Instant.now())
                    .build();
            // what the job will do with it, here first: a malformed row fails now, naming its line
            NewsEnrichmentEngine.withKnowledge(update.getVersion(), update.getEntities(), update.getTopics());
            Map<String, Object> config = new HashMap<>(kafka.settings());
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
            RecordMetadata sent;
            try (KafkaProducer<String, KnowledgeUpdate> producer = new KafkaProducer<>(config, new StringSerializer(),
                    new KnowledgeUpdateSerde.Serializer())) {
                sent = producer.send(new ProducerRecord<>(controlTopic, KEY, update)).get();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("published knowledge update %s to %s-%d@%d%n", version, sent.topic(), sent.partition(), sent.offset());
            return 0;
        }

        private static String read(Path file) throws IOException {
            if (file == null) {
                return null;
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + ": no such file");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }
}
