package io.newsflow.ingest;

import io.newsflow.schemas.validate.ArticleValidator;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Checks each article an edge read with the job's own rules ({@link ArticleValidator}) and publishes the valid
 * ones with an {@link ArticlePublisher}, then waits for Kafka's acknowledgements. The report accounts for every
 * input: published (acknowledged) or rejected with its origin and reason — unreadable, invalid, or not taken by
 * Kafka. Files, folders and stdin go through {@link #run}; any other edge (feeds) hands its results to a
 * {@link #batch()}.
 */
public final class Ingestor {

    private final ArticleValidator validator;
    private final Clock clock;
    private final ArticlePublisher publisher;

    public Ingestor(ArticleValidator validator, Clock clock, ArticlePublisher publisher) {
        this.validator = validator;
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * What an ingest run did. {@code rejected} lists each rejected input with its reason, in input order;
     * {@code notPublished} counts those of them that were valid but not taken by Kafka (worth sending again).
     */
    public record Report(int files, int published, List<ParseResult.Rejected> rejected, List<String> publishedIds,
                         int notPublished) {
        public Report {
            rejected = List.copyOf(rejected);
            publishedIds = List.copyOf(publishedIds);
        }
    }

    /** What became of one input. */
    public enum Outcome {
        /** Kafka acknowledged it. */
        PUBLISHED,
        /** Unreadable or invalid: sending it again would not help. */
        REJECTED,
        /** Valid, but Kafka did not take it: worth sending again later. */
        NOT_PUBLISHED
    }

    /** Told after each file, for a progress bar. */
    @FunctionalInterface
    public interface Progress {
        void fileDone(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    /** Ingests the given paths (files, folders, {@code -}). */
    public Report run(ArticleReader reader, List<String> paths, Progress progress) throws IOException {
        List<String> files = reader.expand(paths);
        Batch batch = batch();
        int done = 0;
        for (String file : files) {
            reader.read(file, batch::add);
            progress.fileDone(++done, files.size());
        }
        return batch.finish(files.size());
    }

    /** A batch of inputs from any edge; {@link Batch#finish} waits for Kafka and reports. */
    public Batch batch() {
        return new Batch();
    }

    /** Inputs handed over one by one (from any thread), then finished once. */
    public final class Batch {
        private final List<ParseResult.Rejected> rejected = Collections.synchronizedList(new ArrayList<>());
        private final List<String> publishedIds = Collections.synchronizedList(new ArrayList<>());
        private final List<CompletableFuture<Outcome>> pending = Collections.synchronizedList(new ArrayList<>());

        private Batch() {
        }

        /**
         * Records a rejection, or validates an accepted article and sends it if valid.
         *
         * @return completes with what became of the input once it is known (after Kafka answered, if sent)
         */
        public CompletableFuture<Outcome> add(ParseResult result) {
            CompletableFuture<Outcome> outcome;
            if (result instanceof ParseResult.Accepted a) {
                outcome = validator.check(a.article(), null, clock.instant())
                        .map(reason -> reject(new ParseResult.Rejected(a.origin(), reason)))
                        .orElseGet(() -> publish(a));
            } else {
                outcome = reject((ParseResult.Rejected) result);
            }
            pending.add(outcome);
            return outcome;
        }

        /** Waits until Kafka answered for every article sent; {@code inputs} is what the report counts as read. */
        public Report finish(int inputs) {
            publisher.flush();
            List<CompletableFuture<Outcome>> all;
            synchronized (pending) {
                all = List.copyOf(pending);
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            int notPublished = (int) all.stream().filter(f -> f.join() == Outcome.NOT_PUBLISHED).count();
            return new Report(inputs, publishedIds.size(), rejected, publishedIds, notPublished);
        }

        private CompletableFuture<Outcome> reject(ParseResult.Rejected rejection) {
            rejected.add(rejection);
            return CompletableFuture.completedFuture(Outcome.REJECTED);
        }

        private CompletableFuture<Outcome> publish(ParseResult.Accepted accepted) {
            try {
                return publisher.publish(accepted.article()).handle((metadata, error) -> {
                    if (error == null) {
                        publishedIds.add(accepted.article().getId());
                        return Outcome.PUBLISHED;
                    }
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    rejected.add(new ParseResult.Rejected(accepted.origin(),
                            "not acknowledged by Kafka: " + cause.getMessage()));
                    return Outcome.NOT_PUBLISHED;
                });
            } catch (RuntimeException e) {
                rejected.add(new ParseResult.Rejected(accepted.origin(), "not published: " + e.getMessage()));
                return CompletableFuture.completedFuture(Outcome.NOT_PUBLISHED);
            }
        }
    }
}
