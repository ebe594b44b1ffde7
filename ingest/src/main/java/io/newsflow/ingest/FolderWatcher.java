package io.newsflow.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the files that land in a folder — those there at start and those that appear later — and moves
 * each out of the way once done: to {@code .processed/} when Kafka acknowledged all its articles, to
 * {@code .rejected/} with a {@code NAME.reasons.txt} beside it when any was rejected. A file is taken only once
 * it has stayed the same size and modification time for the settle time, so a file still being written is not
 * published half; writers that pause for longer should write to a hidden name or one ending in {@code .part} or
 * {@code .tmp} (skipped) and rename it when done. A file whose articles Kafka did not acknowledge stays where it
 * is and is tried again at a later scan. Each file is published once: it leaves the folder after publishing,
 * and should the process die between the two, the re-send has the same article ids and the job drops it.
 *
 * <p>{@link #scan()} does one pass; the caller schedules it (e.g. every second).
 */
public final class FolderWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
    public static final String PROCESSED = ".processed";
    public static final String REJECTED = ".rejected";

    private final Path folder;
    private final ArticleReader reader;
    private final Ingestor ingestor;
    private final Clock clock;
    private final Duration settle;
    private final Map<Path, Seen> seen = new HashMap<>();

    /** A file's size and modification time, and since when they have been so. */
    private record Seen(long size, Instant modified, Instant since) {}

    /** What one scan did. */
    public record Scan(List<Path> published, List<Path> rejected, List<Path> retried, Ingestor.Report total) {}

    public FolderWatcher(Path folder, ArticleReader reader, Ingestor ingestor, Clock clock, Duration settle) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder");
        }
        this.folder = folder;
        this.reader = reader;
        this.ingestor = ingestor;
        this.clock = clock;
        this.settle = settle;
    }

    /** Publishes every file that has settled, and moves it out of the folder. */
    public Scan scan() throws IOException {
        List<Path> ready = settledFiles();
        List<Path> published = new ArrayList<>();
        List<Path> rejected = new ArrayList<>();
        List<Path> retried = new ArrayList<>();
        List<ParseResult.Rejected> reasons = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int notPublished = 0;
        for (Path file : ready) {
            Ingestor.Report report = ingestor.run(reader, List.of(file.toString()), Ingestor.Progress.NONE);
            ids.addAll(report.publishedIds());
            reasons.addAll(report.rejected());
            notPublished += report.notPublished();
            if (report.notPublished() > 0) {
                LOG.warn("{}: Kafka did not acknowledge {} article(s); trying again later", file, report.notPublished());
                retried.add(file);
                seen.remove(file);
            } else if (report.rejected().isEmpty()) {
                moveTo(PROCESSED, file);
                published.add(file);
            } else {
                Path moved = moveTo(REJECTED, file);
                StringBuilder text = new StringBuilder();
                report.rejected().forEach(r -> text.append(r).append('\n'));
                text.append("(published ").append(report.published()).append(" article(s) of this file)\n");
                Files.writeString(moved.resolveSibling(moved.getFileName() + ".reasons.txt"), text);
                rejected.add(file);
            }
        }
        return new Scan(published, rejected, retried,
                new Ingestor.Report(ready.size(), ids.size(), reasons, ids, notPublished));
    }

    /** Regular, visible, finished-looking files whose size and time have not changed for the settle time. */
    private List<Path> settledFiles() throws IOException {
        Instant now = clock.instant();
        List<Path> ready = new ArrayList<>();
        Map<Path, Seen> current = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                if (skipped(file)) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue; // renamed or deleted since the listing
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                Seen before = seen.get(file);
                Instant modified = attributes.lastModifiedTime().toInstant();
                Seen state = before != null && before.size() == attributes.size() && before.modified().equals(modified)
                        ? before : new Seen(attributes.size(), modified, now);
                current.put(file, state);
                if (!Duration.between(state.since(), now).minus(settle).isNegative()) {
                    ready.add(file);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        seen.clear();
        seen.putAll(current);
        ready.forEach(seen::remove);
        return ready;
    }

    private static boolean skipped(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || name.endsWith("~") || lower.endsWith(".part") || lower.endsWith(".tmp")
                || lower.endsWith(".crdownload");
    }

    /** Moves the file into the sub-folder, keeping its name unless one of that name is there already. */
    private Path moveTo(String subfolder, Path file) throws IOException {
        Path target = Files.createDirectories(folder.resolve(subfolder)).resolve(file.getFileName());
        for (int attempt = 1; Files.exists(target); attempt++) {
            target = target.resolveSibling(file.getFileName() + "." + attempt);
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
