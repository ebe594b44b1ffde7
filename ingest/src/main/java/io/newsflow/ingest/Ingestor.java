package io.newsflow.ingest;

import io.newsflow.schemas.validate.ArticleValidator;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads inputs with an {@link ArticleReader}, checks each article with the job's own rules
 * ({@link ArticleValidator}) and publishes the valid ones with an {@link ArticlePublisher}, then waits for
 * Kafka's acknowledgements. The report accounts for every input: published (acknowledged) or rejected with its
 * origin and reason — unreadable, invalid, or not taken by Kafka.
 */
public final class Ingestor {

    private final ArticleReader reader;
    private final ArticleValidator validator;
    private final Clock clock;
    private final ArticlePublisher publisher;

    public Ingestor(ArticleReader reader, ArticleValidator validator, Clock clock, ArticlePublisher publisher) {
        this.reader = reader;
        this.validator = validator;
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * What an ingest run did. {@code rejected} lists each rejected input with its reason, in input order;
     * {@code notAcknowledged} counts those of them that were valid but not taken by Kafka (worth a retry).
     */
    public record Report(int files, int published, List<ParseResult.Rejected> rejected, List<String> publishedIds,
                         int notAcknowledged) {
        public Report {
            rejected = List.copyOf(rejected);
            publishedIds = List.copyOf(publishedIds);
        }
    }

    /** Told after each file, for a progress bar. */
    @FunctionalInterface
    public interface Progress {
        void fileDone(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    /** Ingests the given paths (files, folders, {@code -}). */
    public Report run(List<String> paths, Progress progress) throws IOException {
        List<String> files = reader.expand(paths);
        List<ParseResult.Rejected> rejected = Collections.synchronizedList(new ArrayList<>());
        List<String> publishedIds = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> pending = new ArrayList<>();
        AtomicInteger notAcknowledged = new AtomicInteger();
        int done = 0;
        for (String file : files) {
            reader.read(file, result -> {
                if (result instanceof ParseResult.Rejected r) {
                    rejected.add(r);
                } else if (result instanceof ParseResult.Accepted a) {
                    validator.check(a.article(), null, clock.instant()).ifPresentOrElse(
                            reason -> rejected.add(new ParseResult.Rejected(a.origin(), reason)),
                            () -> pending.add(publish(a, rejected, publishedIds, notAcknowledged)));
                }
            });
            progress.fileDone(++done, files.size());
        }
        publisher.flush();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return new Report(files.size(), publishedIds.size(), rejected, publishedIds, notAcknowledged.get());
    }

    private CompletableFuture<?> publish(ParseResult.Accepted accepted, List<ParseResult.Rejected> rejected,
                                         List<String> publishedIds, AtomicInteger notAcknowledged) {
        try {
            return publisher.publish(accepted.article()).handle((metadata, error) -> {
                if (error == null) {
                    publishedIds.add(accepted.article().getId());
                } else {
                    notAcknowledged.incrementAndGet();
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    rejected.add(new ParseResult.Rejected(accepted.origin(),
                            "not acknowledged by Kafka: " + cause.getMessage()));
                }
                return null;
            });
        } catch (RuntimeException e) {
            notAcknowledged.incrementAndGet();
            rejected.add(new ParseResult.Rejected(accepted.origin(), "not published: " + e.getMessage()));
            return CompletableFuture.completedFuture(null);
        }
    }
}
