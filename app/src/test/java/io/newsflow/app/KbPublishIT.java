package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.processing.EnrichmentJobConfig;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A knowledge update reaches the running job through the control topic: articles enriched before it carry the
 * bundled tags and version, articles after it the new ones — no restart. Real broker, job on a MiniCluster.
 */
class KbPublishIT {

    private static final String TEXT = "Zorblax Dynamics will open a chip plant in Memphis, its chief said on Monday.";

    @Test
    void eventsBeforeAndAfterAnUpdateCarryTheOldAndTheNewTagsAndVersions() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "kb-" + UUID.randomUUID()));
        LocalRuntime.Settings settings = new LocalRuntime.Settings(work, 0,
                EnrichmentJobConfig.defaults().withGroup("kb-test", "kb-test"), 1, 1, Duration.ofSeconds(1));
        try (LocalRuntime runtime = LocalRuntime.start(settings);
             ArticlePublisher publisher = new ArticlePublisher(runtime.bootstrapServers(), runtime.job().inputTopic(), Map.of());
             OutputReader output = new OutputReader(runtime.bootstrapServers(), runtime.job().outputTopic(), runtime.job().dlqTopic())) {
            List<EnrichedArticle> events = new ArrayList<>();
            List<Object> letters = new ArrayList<>();
            publisher.publish(article("before")).get();
            Awaitility.await("the first article enriched").atMost(Duration.ofSeconds(60))
                    .until(() -> output.poll(Duration.ofMillis(200), events::add, letters::add) >= 0 && !events.isEmpty());
            EnrichedArticle before = events.get(0);

            Path rows = work.resolve("companies.tsv");
            Files.writeString(rows, "ORGANIZATION\tZorblax Dynamics\twikidata:Q999999901\tZorblax Dynamics\tZorblax\n");
            CommandRunner published = CommandRunner.run("kb", "publish", "--version", "companies-1", "--entities", rows.toString(),
                    "-b", runtime.bootstrapServers());
            assertThat(published.exitCode()).as(published.err()).isZero();
            assertThat(published.out()).contains("published knowledge update companies-1 to articles.control-0@0");

            // the update and the articles travel on different topics: send articles until one is tagged with it
            int[] sent = {0};
            Awaitility.await("an article tagged with the update").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        publisher.publish(article("after-" + sent[0]++));
                        output.poll(Duration.ofMillis(200), events::add, letters::add);
                        return events.stream().anyMatch(e -> e.getEnrichment().getKbVersion().contains("companies-1"));
                    });
            EnrichedArticle after = events.stream().filter(e -> e.getEnrichment().getKbVersion().contains("companies-1"))
                    .findFirst().orElseThrow();

            assertThat(zorblax(before)).as("before the update: a name the tagger found, not linked").isNull();
            assertThat(before.getEnrichment().getKbVersion()).doesNotContain("companies-1");
            assertThat(zorblax(after)).isEqualTo("wikidata:Q999999901");
            assertThat(after.getEnrichment().getKbVersion()).contains("+ companies-1");
            assertThat(letters).isEmpty();
        }
    }

    private static String zorblax(EnrichedArticle event) {
        return event.getEntities().stream().filter(e -> e.getName().equals("Zorblax Dynamics")).findFirst()
                .map(Entity::getId).orElse(null);
    }

    private static Article article(String id) {
        return Article.newBuilder().setId(id).setTitle("Plant").setBody(TEXT).setAuthors(List.of())
                .setIngestedAt(Instant.now()).setContentHash("sha256:" + id).setMetadata(Map.of()).build();
    }
}
