package io.newsflow.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.ContentHash;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Keeps each feed's {@link FeedState} as a JSON file in one folder ({@code host-<hash of the URL>.json}).
 * A save writes a temporary file beside the old one and moves it over atomically, so a crash leaves the old
 * state or the new one, never half a file.
 */
final class FeedStateStore {

    private record Stored(String url, String etag, String lastModified, List<String> seen) { }

    private final ObjectMapper mapper = new ObjectMapper();
    private final Path dir;

    FeedStateStore(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** The feed's state, or an empty one for a feed not polled before. */
    FeedState load(String url) throws IOException {
        Path file = fileFor(url);
        if (!Files.exists(file)) {
            return FeedState.empty(url);
        }
        try {
            Stored stored = mapper.readValue(file.toFile(), Stored.class);
            return new FeedState(url, stored.etag(), stored.lastModified(), stored.seen() == null ? List.of() : stored.seen());
        } catch (JsonProcessingException e) {
            throw new IOException("state file " + file + " is not readable (" + JsonErrors.reason(e)
                    + "); delete it to poll the feed afresh", e);
        }
    }

    void save(FeedState state) throws IOException {
        Files.createDirectories(dir);
        Path file = fileFor(state.url());
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            mapper.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(),
                    new Stored(state.url(), state.etag(), state.lastModified(), state.seenGuids()));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    Path fileFor(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        String safeHost = host == null ? "feed" : host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "_");
        return dir.resolve(safeHost + "-" + ContentHash.sha256Hex(url).substring(0, 16) + ".json");
    }
}
