package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.processing.EnrichmentJobConfig;
import io.newsflow.processing.functions.PipelineCounters;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.ContentHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A local runtime that keeps its state ({@code up}) saves the job's state in its data directory when it stops and
 * resumes from it at the next start: the dedup state outlives the run, so re-sends of articles the last run
 * enriched are still dropped and changed ones still flagged as updates.
 */
class LocalRuntimeStateIT {

    private static final String BODY = "Elon Musk met OpenAI engineers in Memphis to talk about the data center.";

    @Test
    void theNextRunResumesFromTheStateTheLastOneSaved() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "state-it-" + UUID.randomUUID()));
        LocalRuntime.Settings settings = settings(data);

        Path saved;
        try (LocalRuntime first = LocalRuntime.start(settings)) {
            assertThat(first.resumedFrom()).as("nothing saved yet").isEmpty();
            publish(first, List.of(article("a1", BODY), article("a2", BODY), article("a3", BODY)));
            await().atMost(Duration.ofMinutes(1)).until(() -> first.counter(PipelineCounters.ENRICHED) == 3);
            first.close();
            saved = first.savedTo().orElseThrow();
        }
        assertThat(saved.resolve("_metadata")).exists();
        assertThat(saved.getParent()).isEqualTo(data.resolve(SavedState.SAVEPOINTS).toAbsolutePath());
        assertThat(data.resolve(SavedState.CHECKPOINTS)).as("older than the savepoint, so gone").doesNotExist();

        try (LocalRuntime second = LocalRuntime.start(settings)) {
            assertThat(second.resumedFrom()).contains(saved);
            publish(second, List.of(article("a1", BODY), article("a2", BODY), article("a3", BODY + " Corrected."),
                    article("a4", BODY)));
            await().atMost(Duration.ofMinutes(1)).until(() -> second.counter(PipelineCounters.RECORDS_IN) == 4
                    && second.counter(PipelineCounters.ENRICHED) + second.counter(PipelineCounters.DUPLICATES) == 4);

            assertThat(second.counter(PipelineCounters.DUPLICATES)).as("a1 and a2 sent again unchanged").isEqualTo(2);
            assertThat(second.counter(PipelineCounters.UPDATES)).as("a3 with new text").isEqualTo(1);
            assertThat(second.counter(PipelineCounters.ENRICHED)).as("a3's update and the new a4").isEqualTo(2);
        }
    }

    @Test
    void stateThatCannotBeReadIsAClearErrorNotAFreshStart() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "state-it-" + UUID.randomUUID()));
        Path bogus = Files.createDirectories(data.resolve(SavedState.SAVEPOINTS).resolve("savepoint-bogus"));
        Files.writeString(bogus.resolve("_metadata"), "not a savepoint");

        assertThatThrownBy(() -> LocalRuntime.start(settings(data)).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot resume the job from its saved state in " + bogus)
                .hasMessageContaining("to start without it");
    }

    private static LocalRuntime.Settings settings(Path data) {
        return new LocalRuntime.Settings(data, 0, EnrichmentJobConfig.defaults().withGroup("state-it", "state-it"),
                1, 1, Duration.ofMillis(500), -1, true);
    }

    private static void publish(LocalRuntime runtime, List<Article> articles) throws Exception {
        try (ArticlePublisher publisher = new ArticlePublisher(runtime.bootstrapServers(), runtime.job().inputTopic(),
                Map.of())) {
            for (Article article : articles) {
                publisher.publish(article).get();
            }
        }
    }

    private static Article article(String id, String body) {
        return Article.newBuilder().setId(id).setTitle("Data centres").setBody(body).setAuthors(List.of())
                .setIngestedAt(Instant.now()).setContentHash(ContentHash.of("Data centres", body))
                .setMetadata(Map.of()).build();
    }
}
