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
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsflow ingest PATH...}: publishes article files, folders and stdin to the input topic. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Publishes articles to Kafka: files, folders (recursively) and - for stdin.",
                "Formats: plain text with optional 'Name: value' headers (Author, Title, Source, Date, URL, Id), "
                        + "a blank line, then the body; .json (one article object); .jsonl (one per line).",
                "Exits 1 if any input was rejected; each is named with its reason."},
        subcommands = {IngestHttpCommand.class, IngestWatchCommand.class})
final class IngestCommand implements Callable<Integer> {

    /** More files than this get a progress bar. */
    private static final int PROGRESS_BAR_FROM = 5;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files, folders, or - for standard input.")
    List<String> paths = List.of();

    @SharedOption("bootstrap-servers")
    @Option(names = {"-b", "--bootstrap-servers"},
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}; $NEWSFLOW_BOOTSTRAP_SERVERS, --config).")
    String bootstrapServers;

    @SharedOption("input-topic")
    @Option(names = {"-t", "--topic"},
            description = "Topic to publish to: the job's input topic (default: ${DEFAULT-VALUE}; $NEWSFLOW_INPUT_TOPIC, --config).")
    String topic;

    @SharedOption("max-body-bytes")
    @Option(names = "--max-body-bytes",
            description = "Longest body accepted, in UTF-8 bytes: the job's --max-body-bytes (default: ${DEFAULT-VALUE}; $NEWSFLOW_MAX_BODY_BYTES, --config).")
    int maxBodyBytes;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing PATH: give files, folders or -, or use a "
                    + "subcommand (" + String.join(", ", spec.subcommands().keySet()) + ")");
        }
        Ingestor.Report report = publish(paths, bootstrapServers, topic, kafka.settings(), maxBodyBytes, err);
        out.printf("published %d article(s) to %s on %s; rejected %d%n",
                report.published(), topic, bootstrapServers, report.rejected().size());
        return report.rejected().isEmpty() ? 0 : 1;
    }

    /** Publishes the inputs, prints each rejection to {@code err} as it is known, and returns the report. */
    static Ingestor.Report publish(List<String> paths, String bootstrapServers, String topic,
                                   Map<String, String> kafka, int maxBodyBytes, PrintWriter err) throws Exception {
        ArticleReader reader = new ArticleReader(Clock.systemUTC(), System.in);
        try (ArticlePublisher publisher = new ArticlePublisher(bootstrapServers, topic, kafka);
             ProgressBarHolder bar = new ProgressBarHolder()) {
            publisher.checkTopic();
            Ingestor ingestor = new Ingestor(reader, new ArticleValidator(maxBodyBytes), Clock.systemUTC(), publisher);
            Ingestor.Report report = ingestor.run(paths, bar::update);
            for (ParseResult.Rejected rejected : report.rejected()) {
                err.println(rejected);
            }
            err.flush();
            return report;
        }
    }

    /** Shows a progress bar once there are more than a handful of files. */
    private static final class ProgressBarHolder implements AutoCloseable {
        private ProgressBar bar;

        void update(int done, int total) {
            if (total <= PROGRESS_BAR_FROM) {
                return;
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
