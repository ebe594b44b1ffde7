package io.newsflow.ingest;

import io.newsflow.schemas.Article;
import java.util.Objects;

/**
 * The outcome of reading one input: an accepted {@link Article} or a rejection that names the input
 * ({@code origin}: a file, optionally with its line) and the reason.
 */
public sealed interface ParseResult {

    /** Where the input came from, e.g. {@code articles/a.txt} or {@code feed.jsonl:12}. */
    String origin();

    record Accepted(String origin, Article article) implements ParseResult {
        public Accepted {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(article, "article");
        }
    }

    record Rejected(String origin, String reason) implements ParseResult {
        public Rejected {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "rejected " + origin + ": " + reason;
        }
    }
}
