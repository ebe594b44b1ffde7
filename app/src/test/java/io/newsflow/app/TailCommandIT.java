package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.broker.EmbeddedKafkaExtension;
import io.newsflow.ingest.JsonArticleParser;
import io.newsflow.ingest.TextArticleParser;
import io.newsflow.processing.enrich.NewsEnrichmentEngine;
import io.newsflow.processing.functions.EnrichmentMapper;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.serde.EnrichedArticleSerde;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code tail} reading real enriched events (the engine on the samples) from a real broker, filtered. */
class TailCommandIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();
    private static final String TOPIC = "enriched-" + UUID.randomUUID();

    @BeforeAll
    static void publishEnrichedSamples() throws Exception {
        KAFKA.broker().createTopics(2, TOPIC);
        NewsEnrichmentEngine engine = NewsEnrichmentEngine.loadDefault();
        List<Article> articles = List.of(
                new TextArticleParser(Clock.systemUTC()).parse(Files.readString(Path.of("../samples/articles/musk-interview.txt"))),
                new JsonArticleParser(Clock.systemUTC()).parse(Files.readString(Path.of("../samples/articles/world-cup-final.json"))),
                new TextArticleParser(Clock.systemUTC()).parse(Files.readString(Path.of("../samples/articles/nvidia-earnings.txt"))));
        try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.broker().bootstrapServers()),
                new StringSerializer(), new EnrichedArticleSerde.Serializer())) {
            for (Article article : articles) {
                EnrichedArticle event = EnrichmentMapper.toEvent(article, false,
                        engine.enrich(article.getTitle(), article.getBody()), engine.engineVersion(), engine.kbVersion(),
                        Instant.now());
                producer.send(new ProducerRecord<>(TOPIC, article.getId(), event)).get();
            }
        }
    }

    private static CommandRunner tail(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("tail", "-b", KAFKA.broker().bootstrapServers(), "--output-topic",
                TOPIC, "--from-beginning"));
        all.addAll(List.of(args));
        return CommandRunner.run(all.toArray(String[]::new));
    }

    @Test
    void aReadableLinePerArticle() {
        CommandRunner result = tail("--max", "3");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).hasSize(3);
        assertThat(result.out()).contains("Argentina beat France on penalties to win the World Cup | ")
                .contains("sport 0.")
                .contains("Elon Musk PERSON");
    }

    @Test
    void filtersByEntityTypeAndTopic() throws Exception {
        CommandRunner musk = tail("--max", "1", "--entity", "musk", "--type", "person", "--json");
        CommandRunner byId = tail("--max", "1", "--entity", "wikidata:Q317521");
        CommandRunner sport = tail("--max", "1", "--topic", "medtop:15000000");
        CommandRunner sportLabel = tail("--max", "1", "--topic", "SPORT");

        var json = new ObjectMapper().readTree(musk.out());
        assertThat(json.get("entities").findValuesAsText("name")).contains("Elon Musk");
        assertThat(byId.out()).contains("Elon Musk PERSON");
        assertThat(sport.out()).contains("World Cup").doesNotContain("Grok");
        assertThat(sportLabel.out()).isEqualTo(sport.out());
    }

    @Test
    void anEntityConditionHoldsForOneAndTheSameEntity() {
        // Argentina is in the World Cup story, but not as a person
        CommandRunner none = tail("--exit-at-end", "--entity", "argentina", "--type", "PERSON");
        CommandRunner team = tail("--exit-at-end", "--entity", "argentina", "--type", "ORGANIZATION");

        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).isEmpty();
        assertThat(team.out().lines()).singleElement().asString().contains("World Cup");
    }
}
