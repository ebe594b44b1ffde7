package io.newsflow.app;

import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.ArticleReader;
import io.newsflow.ingest.Ingestor;
import io.newsflow.ingest.ParseResult;
import io.newsflow.schemas.validate.ArticleValidator;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow ingest PATH...}: publishes article files, folders and stdin to the input topic. Other edges
 * are its subcommands ({@code ingest feed URL...}), sharing {@link PublishOptions} and {@link KafkaOptions}.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, subcommands = {IngestHttpCommand.class, IngestWatchCommand.class, FeedCommand.class},
        description = {"Publishes articles to Kafka: files, folders (recursively) and - for stdin.",
                "Formats: plain text with optional 'Name: value' headers (Author, Title, Source, Date, URL, Id), "
                        + "a blank line, then the body; .json (one article object); .jsonl (one per line); "
                        + ".html/.htm (a web page). HTML bodies are converted to text.",
                "Exits 1 if any input was rejected; each is named with its reason."})
final class IngestCommand implements Callable<Integer> {

    /** More files than this get a progress bar. */
    private static final int PROGRESS_BAR_FROM = 5;

    @Spec
    CommandSpec spec;

    // 0..* rather than 1..*: picocli checks a parent's required parameters even when a subcommand runs
    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Files, folders, or - for standard input (a file named like a subcommand: ./feed).")
    List<String> paths = List.of();

    @Mixin
    PublishOptions publish;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("missing PATH... (files, folders, -) or a subcommand: "
                    + String.join(", ", spec.subcommands().keySet()));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Ingestor.Report report = publish(paths, publish.bootstrapServers, publish.topic, kafka.settings(),
                publish.maxBodyBytes, err);
        out.printf("published %d article(s) to %s on %s; rejected %d%n",
                report.published(), publish.topic, publish.bootstrapServers, report.rejected().size());
        return report.rejected().isEmpty() ? 0 : 1;
    }

    /** Publishes the inputs, prints each rejection to {@code err} as it is known, and returns the report. */
    static Ingestor.Report publish(List<String> paths, String bootstrapServers, String topic,
                                   Map<String, String> kafka, int maxBodyBytes, PrintWriter err) throws Exception {
        ArticleReader reader = new ArticleReader(Clock.systemUTC(), System.in);
        try (ArticlePublisher publisher = new ArticlePublisher(bootstrapServers, topic, kafka);
             ProgressBarHolder bar = new ProgressBarHolder()) {
            publisher.checkTopic();
            Ingestor ingestor = new Ingestor(new ArticleValidator(maxBodyBytes), Clock.systemUTC(), publisher);
            Ingestor.Report report = ingestor.run(reader, paths, bar::update);
            for (ParseResult.Rejected rejected : report.rejected()) {
                err.println(rejected);
            }
            err.flush();
            return report;
        }
    }

    /** Shows a progress bar on a terminal once there are more than a handful of files. */
    private static final class ProgressBarHolder implements AutoCloseable {
        private ProgressBar bar;

        void update(int done, int total) {
            if (total <= PROGRESS_BAR_FROM || !Terminals.stderr()) {
                return; // a handful of files, or not a terminal: a bar would only clutter a log
            }
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("Publishing").setInitialMax(total).setUnit(" files", 1)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .build();
            }
            bar.stepTo(done);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
