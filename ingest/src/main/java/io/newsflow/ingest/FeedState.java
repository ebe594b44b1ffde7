package io.newsflow.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What is remembered about one feed between polls and across restarts: its validators for conditional GET
 * ({@code ETag}, {@code Last-Modified}) and the guids of the items already published (or rejected for good),
 * newest last, bounded to the last {@value #MAX_SEEN} — far more than any feed lists at once. Not thread-safe:
 * one poll of one feed owns it.
 */
final class FeedState {

    static final int MAX_SEEN = 10_000;

    private final String url;
    private String etag;
    private String lastModified;
    private final LinkedHashSet<String> seen;

    FeedState(String url, String etag, String lastModified, List<String> seen) {
        this.url = url;
        this.etag = etag;
        this.lastModified = lastModified;
        this.seen = new LinkedHashSet<>(seen);
        evict();
    }

    static FeedState empty(String url) {
        return new FeedState(url, null, null, List.of());
    }

    String url() {
        return url;
    }

    String etag() {
        return etag;
    }

    String lastModified() {
        return lastModified;
    }

    void validators(String etag, String lastModified) {
        this.etag = etag;
        this.lastModified = lastModified;
    }

    boolean seen(String guid) {
        return seen.contains(guid);
    }

    void markSeen(String guid) {
        seen.remove(guid); // re-added last: the newest sighting decides when it is forgotten
        seen.add(guid);
        evict();
    }

    List<String> seenGuids() {
        return new ArrayList<>(seen);
    }

    private void evict() {
        for (Iterator<String> oldest = seen.iterator(); seen.size() > MAX_SEEN; ) {
            oldest.next();
            oldest.remove();
        }
    }
}
