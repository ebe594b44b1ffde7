package io.newsflow.app;

import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.ArticleReader;
import io.newsflow.ingest.FolderWatcher;
import io.newsflow.ingest.Ingestor;
import io.newsflow.schemas.validate.ArticleValidator;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsflow ingest watch DIR}: publishes the files that land in a folder. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Publishes the files in a folder, those there at start and those that arrive, and moves each "
                + "to .processed/ (or .rejected/ with NAME.reasons.txt). Runs until Ctrl-C.",
                "A file is taken once unchanged for --settle; hidden files and *.part, *.tmp are skipped (write "
                        + "under such a name and rename when done)."})
final class IngestWatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to watch.")
    Path folder;

    @Option(names = "--poll", defaultValue = "PT1S", description = "How often the folder is looked at (default: ${DEFAULT-VALUE}).")
    Duration poll;

    @Option(names = "--settle", defaultValue = "PT2S",
            description = "How long a file must stay unchanged before it is taken (default: ${DEFAULT-VALUE}).")
    Duration settle;

    @Mixin
    PublishOptions publish;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ArticlePublisher publisher = new ArticlePublisher(publish.bootstrapServers, publish.topic, kafka.settings())) {
            publisher.checkTopic();
            Ingestor ingestor = new Ingestor(new ArticleValidator(publish.maxBodyBytes), Clock.systemUTC(), publisher);
            FolderWatcher watcher = new FolderWatcher(folder, new ArticleReader(Clock.systemUTC(), InputStream.nullInputStream()),
                    ingestor, Clock.systemUTC(), settle);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "newsflow-watch-shutdown"));
            out.printf("Watching %s, publishing to %s on %s. Stop: Ctrl-C%n", folder, publish.topic, publish.bootstrapServers);
            out.flush();
            do {
                FolderWatcher.Scan scan = watcher.scan();
                scan.published().forEach(f -> out.println("published " + f + " -> " + FolderWatcher.PROCESSED + "/"));
                scan.total().rejected().forEach(r -> err.println(r));
                scan.rejected().forEach(f -> err.println("moved " + f + " to " + FolderWatcher.REJECTED + "/ with its reasons"));
                scan.retried().forEach(f -> err.println("Kafka did not take all of " + f + "; it stays for the next scan"));
                out.flush();
                err.flush();
            } while (!stopped.await(poll.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        }
        return 0;
    }
}
