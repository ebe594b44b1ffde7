package io.newsflow.app;

import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.FeedPoller;
import io.newsflow.ingest.HttpFetcher;
import io.newsflow.ingest.Ingestor;
import io.newsflow.ingest.ParseResult;
import io.newsflow.schemas.validate.ArticleValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow ingest feed URL...}: polls RSS and Atom feeds and publishes each new item's article, every
 * {@code --interval} until Ctrl-C, or once with {@code --once}. The work is {@link FeedPoller}'s; this class
 * wires it to Kafka and prints what each pass did.
 */
@Command(name = "feed", mixinStandardHelpOptions = true,
        description = {"Polls RSS and Atom feeds and publishes each new item: its page is fetched and its article text "
                + "extracted (the feed's own text stands in if the page fails).",
                "Conditional GET; items remembered by guid in --state across restarts; one request per host at a time; "
                        + "a failing feed is named with its reason and retried later, the others go on.",
                "With --once: one pass, exit 1 if any feed failed or any item was rejected."})
final class FeedCommand implements Callable<Integer> {

    static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "Feed URLs (RSS 0.9x/1.0/2.0 or Atom).")
    List<String> urls;

    @Option(names = "--interval", defaultValue = "PT5M",
            description = "Time between passes, ISO-8601, at least PT1M (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".newsflow/feeds",
            description = "Where each feed's ETag, Last-Modified and seen guids are kept (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--once", description = "Poll each feed once, then exit.")
    boolean once;

    @Mixin
    PublishOptions publish;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("--interval must be at least " + MIN_INTERVAL
                    + " (feeds are polled politely), got " + interval);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ArticlePublisher publisher = new ArticlePublisher(publish.bootstrapServers, publish.topic, kafka.settings());
             FeedPoller poller = new FeedPoller(new HttpFetcher(HTTP_TIMEOUT, MAX_RESPONSE_BYTES), stateDir,
                     new Ingestor(new ArticleValidator(publish.maxBodyBytes), Clock.systemUTC(), publisher),
                     Clock.systemUTC(), interval)) {
            publisher.checkTopic();
            if (once) {
                Totals totals = print(poller.poll(urls), out, err, false);
                out.printf("published %d article(s) from %d feed(s) to %s on %s; rejected %d; feeds failed %d%n",
                        totals.published, urls.size(), publish.topic, publish.bootstrapServers, totals.rejected,
                        totals.failed);
                return totals.rejected + totals.failed == 0 ? 0 : 1;
            }
            return loop(poller, publisher, out, err);
        }
    }

    /** Passes every {@code interval} until Ctrl-C; a pass under way when it comes is finished (and its state saved). */
    private int loop(FeedPoller poller, ArticlePublisher publisher, PrintWriter out, PrintWriter err) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(HTTP_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsflow-feed-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf("Polling %d feed(s) every %s into %s on %s; state in %s. Stop: Ctrl-C%n", urls.size(), interval,
                publish.topic, publish.bootstrapServers, stateDir);
        out.flush();
        try {
            do {
                print(poller.poll(urls), out, err, true);
                if (publisher.failure().isPresent()) {
                    throw new IllegalStateException("Kafka refused articles, stopping: "
                            + publisher.failure().get().getMessage());
                }
            } while (!stop.await(interval.toMillis(), TimeUnit.MILLISECONDS));
            out.println("Stopped.");
            out.flush();
            return 0;
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for stopped, counted down above
            }
        }
    }

    private record Totals(int published, int rejected, int failed) { }

    private static Totals print(List<FeedPoller.FeedResult> results, PrintWriter out, PrintWriter err, boolean timed) {
        int published = 0;
        int rejected = 0;
        int failed = 0;
        String prefix = timed ? LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " : "";
        for (FeedPoller.FeedResult result : results) {
            switch (result.status()) {
                case FAILED -> {
                    failed++;
                    err.println(prefix + result);
                }
                case WAITING -> { } // said when it failed; a line per pass would be noise
                default -> out.println(prefix + result);
            }
            for (ParseResult.Rejected rejection : result.rejected()) {
                err.println(prefix + rejection);
            }
            published += result.published();
            rejected += result.rejected().size();
        }
        out.flush();
        err.flush();
        return new Totals(published, rejected, failed);
    }
}
