package io.newsflow.ingest;

import io.newsflow.ingest.HtmlArticleExtractor.HtmlPage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS and Atom feeds and publishes their new items as articles. One {@link #poll} is one pass over the
 * feeds: each feed is fetched with a conditional GET ({@code If-None-Match}/{@code If-Modified-Since} from its
 * saved state; 304 means nothing to do), parsed safely ({@link FeedParser}), and each item whose guid was not
 * seen before has its page fetched and its article text extracted ({@link HtmlArticleExtractor}). If the page
 * cannot be fetched or holds less text than the feed's own description/content, that text is used when it has
 * at least {@value #MIN_FEED_TEXT} characters; otherwise the item is rejected with the reason. Articles go
 * through the {@link Ingestor} (the job's validation, then Kafka).
 *
 * <p>State ({@link FeedStateStore}) is written only after Kafka acknowledged the items, so a crash re-publishes
 * at worst — and an item's article id comes from its link, so the job drops the re-send. An item Kafka did not
 * take, or whose page failed for a reason that may pass (a timeout, a 5xx), is not marked seen and the feed's
 * validators are not advanced, so the next pass tries it again; an item rejected for its content is marked seen
 * and reported once.
 *
 * <p>Politeness: feeds are polled a few at a time but {@link HttpFetcher} sends at most one request per host at
 * once; a feed that fails (unreachable, 404/410, not a feed) is reported in one line and left alone for twice
 * the interval, then four times, up to {@value #MAX_BACKOFF_HOURS} hours, longer if it sent Retry-After; the
 * other feeds go on.
 */
public final class FeedPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    /** The fewest characters of feed text that stand in for a page that could not be had. */
    public static final int MIN_FEED_TEXT = 200;
    static final int MAX_BACKOFF_HOURS = 6;
    private static final int PARALLEL_FEEDS = 4;
    private static final String FEED_ACCEPT =
            "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";
    private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    /** What one pass did with one feed. */
    public record FeedResult(String url, Status status, int newItems, int published,
                             List<ParseResult.Rejected> rejected, String error) {
        public FeedResult {
            rejected = List.copyOf(rejected);
        }

        static FeedResult failed(String url, String error) {
            return new FeedResult(url, Status.FAILED, 0, 0, List.of(), error);
        }

        @Override
        public String toString() {
            return switch (status) {
                case POLLED -> "feed " + url + ": " + newItems + " new item(s), published " + published
                        + ", rejected " + rejected.size();
                case NOT_MODIFIED -> "feed " + url + ": not modified";
                case FAILED -> "feed " + url + " failed: " + error;
                case WAITING -> "feed " + url + ": " + error;
            };
        }
    }

    public enum Status { POLLED, NOT_MODIFIED, FAILED, WAITING }

    private record Backoff(int failures, Instant until) { }

    private record Pending(String guid, boolean retry, CompletableFuture<Ingestor.Outcome> outcome) { }

    private final HttpFetcher http;
    private final FeedStateStore store;
    private final Ingestor ingestor;
    private final Clock clock;
    private final Duration interval;
    private final FeedParser parser = new FeedParser();
    private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();
    private final Map<String, Backoff> backoffs = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_FEEDS, r -> {
        Thread thread = new Thread(r, "newsflow-feeds");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param stateDir where each feed's state is kept
     * @param interval the time between passes, the unit of a failing feed's backoff
     */
    public FeedPoller(HttpFetcher http, Path stateDir, Ingestor ingestor, Clock clock, Duration interval) {
        this.http = http;
        this.store = new FeedStateStore(stateDir);
        this.ingestor = ingestor;
        this.clock = clock;
        this.interval = interval;
    }

    /** One pass over the feeds (duplicates ignored); returns what happened to each, in the order given. */
    public List<FeedResult> poll(List<String> urls) throws InterruptedException {
        List<Future<FeedResult>> futures = new ArrayList<>();
        for (String url : new LinkedHashSet<>(urls)) {
            futures.add(pool.submit(() -> pollOne(url)));
        }
        List<FeedResult> results = new ArrayList<>();
        for (Future<FeedResult> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("polling failed unexpectedly: " + e.getCause(), e.getCause());
            }
        }
        return results;
    }

    private FeedResult pollOne(String url) throws InterruptedException {
        Backoff backoff = backoffs.get(url);
        if (backoff != null && clock.instant().isBefore(backoff.until())) {
            return new FeedResult(url, Status.WAITING, 0, 0, List.of(), "failed " + backoff.failures()
                    + " time(s) in a row; next try after " + backoff.until());
        }
        try {
            FeedResult result = fetchAndPublish(url);
            backoffs.remove(url);
            return result;
        } catch (FeedFailure e) {
            Backoff next = backoffAfter(backoffs.get(url), e.retryAfter);
            backoffs.put(url, next);
            LOG.debug("Feed {} failed ({} in a row), next try after {}: {}", url, next.failures(), next.until(), e.getMessage());
            return FeedResult.failed(url, e.getMessage());
        }
    }

    private Backoff backoffAfter(Backoff previous, Duration retryAfter) {
        int failures = previous == null ? 1 : previous.failures() + 1;
        Duration wait = interval.multipliedBy(1L << Math.min(failures, 20));
        Duration max = Duration.ofHours(MAX_BACKOFF_HOURS);
        if (wait.compareTo(max) > 0) {
            wait = interval.compareTo(max) > 0 ? interval : max;
        }
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return new Backoff(failures, clock.instant().plus(wait));
    }

    private FeedResult fetchAndPublish(String url) throws FeedFailure, InterruptedException {
        URI uri = feedUri(url);
        FeedState state;
        try {
            state = store.load(url);
        } catch (IOException e) {
            throw new FeedFailure(e.getMessage(), null);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", FEED_ACCEPT);
        if (state.etag() != null) {
            headers.put("If-None-Match", state.etag());
        }
        if (state.lastModified() != null) {
            headers.put("If-Modified-Since", state.lastModified());
        }
        HttpFetcher.Response response;
        try {
            response = http.get(uri, headers);
        } catch (IOException e) {
            throw new FeedFailure(HttpFetcher.describe(e), null);
        }
        if (response.status() == 304) {
            return new FeedResult(url, Status.NOT_MODIFIED, 0, 0, List.of(), null);
        }
        if (!response.ok()) {
            throw new FeedFailure(httpProblem(response), retryAfter(response));
        }
        FeedParser.Feed feed;
        try {
            feed = parser.parse(response.body(), response.contentType());
        } catch (FeedParser.InvalidFeedException e) {
            throw new FeedFailure(e.getMessage(), null);
        }
        return publishNewItems(url, state, feed, response);
    }

    private FeedResult publishNewItems(String url, FeedState state, FeedParser.Feed feed,
                                       HttpFetcher.Response response) throws FeedFailure, InterruptedException {
        List<FeedParser.Item> fresh = new ArrayList<>();
        LinkedHashSet<String> guids = new LinkedHashSet<>();
        for (FeedParser.Item item : feed.items()) {
            if (!state.seen(item.guid()) && guids.add(item.guid())) {
                fresh.add(0, item); // feeds list the newest first; publish the oldest first
            }
        }
        Ingestor.Batch batch = ingestor.batch();
        List<Pending> pending = new ArrayList<>();
        for (FeedParser.Item item : fresh) {
            ItemResult result = article(url, feed, item);
            pending.add(new Pending(item.guid(), result.retry(), batch.add(result.result())));
        }
        Ingestor.Report report = batch.finish(fresh.size());
        boolean settled = true;
        for (Pending p : pending) {
            Ingestor.Outcome outcome = p.outcome().join(); // done: finish() waited for every one
            if (p.retry() || outcome == Ingestor.Outcome.NOT_PUBLISHED) {
                settled = false;
            } else {
                state.markSeen(p.guid());
            }
        }
        if (settled) {
            // only now: advancing the validators while an item waits for a retry would hide it behind a 304
            state.validators(response.header("ETag").orElse(null), response.header("Last-Modified").orElse(null));
        }
        try {
            store.save(state);
        } catch (IOException e) {
            throw new FeedFailure("published " + report.published() + " item(s) but could not save the state in "
                    + store.dir() + ": " + e.getMessage() + " (they will be sent again; the job drops re-sends)", null);
        }
        return new FeedResult(url, Status.POLLED, fresh.size(), report.published(), report.rejected(), null);
    }

    /** An item's result; {@code retry}: rejected for a reason that may pass, so it is tried again next pass. */
    private record ItemResult(ParseResult result, boolean retry) { }

    private ItemResult article(String feedUrl, FeedParser.Feed feed, FeedParser.Item item) throws InterruptedException {
        String origin = item.link() != null ? item.link() : feedUrl + " item " + item.guid();
        HtmlPage page = null;
        String pageProblem = null;
        boolean transientProblem = false;
        if (item.link() == null) {
            pageProblem = "the item has no link";
        } else if (!FeedParser.isHttp(item.link())) {
            pageProblem = "the item's link is not http(s)";
        } else {
            try {
                HttpFetcher.Response response = http.get(URI.create(item.link()), Map.of("Accept", PAGE_ACCEPT));
                String type = response.contentType().toLowerCase(Locale.ROOT);
                if (!response.ok()) {
                    pageProblem = "page " + httpProblem(response);
                    transientProblem = response.status() >= 500 || response.status() == 429 || response.status() == 408;
                } else if (!type.isEmpty() && !type.contains("html")) {
                    pageProblem = "page is not HTML (" + response.contentType() + ")";
                } else {
                    page = extractor.extract(response.body(), response.charset(), response.uri().toString());
                }
            } catch (IOException | IllegalArgumentException e) {
                pageProblem = "page could not be fetched: "
                        + (e instanceof IOException io ? HttpFetcher.describe(io) : e.getMessage());
                transientProblem = e instanceof IOException;
            }
        }
        String pageText = page == null ? "" : page.body();
        String feedText = item.text() == null ? "" : extractor.extract(item.text(), item.link()).body();
        ArticleFields fields = new ArticleFields();
        fields.url = item.link();
        fields.title = item.title();
        fields.published = item.published() == null ? null : item.published().toString();
        fields.authors.addAll(item.authors());
        fields.source = feed.title();
        fields.metadata.put("feed", feedUrl);
        fields.metadata.put("feed_guid", item.guid());
        if (!pageText.isBlank() && pageText.length() >= feedText.length()) {
            fields.fillFrom(page);
        } else if (feedText.length() >= MIN_FEED_TEXT || !pageText.isBlank()) {
            if (page != null) {
                fields.fillFrom(page); // the page's facts, the feed's longer text
            }
            fields.body = feedText;
            fields.metadata.put("body_from", "feed");
        } else {
            String why = pageProblem != null ? pageProblem : "no article text on the page";
            return new ItemResult(new ParseResult.Rejected(origin, why + ", and the feed's own text is "
                    + (feedText.isEmpty() ? "empty" : "only " + feedText.length() + " characters")
                    + " (" + MIN_FEED_TEXT + " needed to stand in for the page)"), transientProblem);
        }
        try {
            return new ItemResult(new ParseResult.Accepted(origin, fields.build(clock)), false);
        } catch (InvalidArticleException e) {
            return new ItemResult(new ParseResult.Rejected(origin, e.getMessage()), false);
        }
    }

    private static URI feedUri(String url) throws FeedFailure {
        if (!FeedParser.isHttp(url)) {
            throw new FeedFailure("not an http(s) URL", null);
        }
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                throw new FeedFailure("the URL has no host", null);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new FeedFailure("malformed URL: " + e.getMessage(), null);
        }
    }

    private static String httpProblem(HttpFetcher.Response response) {
        return switch (response.status()) {
            case 404 -> "HTTP 404 Not Found";
            case 410 -> "HTTP 410 Gone (the publisher removed it for good)";
            case 401, 403 -> "HTTP " + response.status() + " (access refused)";
            case 429 -> "HTTP 429 Too Many Requests";
            default -> "HTTP " + response.status();
        };
    }

    private Duration retryAfter(HttpFetcher.Response response) {
        String value = response.header("Retry-After").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Duration.between(clock.instant(), at);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** A feed could not be polled; the message is the one-line reason. */
    private static final class FeedFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        FeedFailure(String reason, Duration retryAfter) {
            super(reason);
            this.retryAfter = retryAfter;
        }
    }
}
