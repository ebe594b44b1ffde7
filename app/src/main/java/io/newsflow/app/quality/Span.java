package io.newsflow.app.quality;

/** A typed character span {@code [start, end)}, gold or predicted. */
public record Span(int start, int end, String type) {

    int overlap(Span other) {
        return Math.min(end, other.end) - Math.max(start, other.start);
    }

    boolean sameRange(Span other) {
        return start == other.start && end == other.end;
    }
}
