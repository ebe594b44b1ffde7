package io.newsflow.app;

import io.newsflow.processing.config.ConfigValues;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code newsflow} command: runs the pipeline locally and feeds it. Each subcommand has {@code --help}. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, versionProvider = Newsflow.Version.class,
        description = "News enrichment on Kafka and Flink: entity and topic tags for every article.",
        subcommands = {DemoCommand.class, UpCommand.class, IngestCommand.class, TailCommand.class, KbCommand.class, TagCommand.class, EvalCommand.class,
                DlqCommand.class, BenchCommand.class, TrainNerCommand.class, BuildClustersCommand.class,
                HelpCommand.class})
public final class Newsflow {

    private static final Logger LOG = LoggerFactory.getLogger(Newsflow.class);

    /** Read before the other options (see {@link SharedDefaults}); here so that every command accepts it. */
    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Properties file with shared options, name=value (bootstrap-servers, input-topic, kafka.KEY, "
                    + "...); flags and NEWSFLOW_* variables win over it (default: $NEWSFLOW_CONFIG).")
    Path config;

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), args).execute(args));
    }

    /** The command line on this process's environment, with no {@code --config} file but $NEWSFLOW_CONFIG. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /**
     * The command line with the project's error handling (a bad option prints its message and where to find
     * the options; a failure its message and causes) and the shared options' defaults from {@code env} and the
     * {@code --config} file found in {@code args}.
     */
    public static CommandLine commandLine(Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new Newsflow());
        cli.registerConverter(Duration.class, Newsflow::duration);
        cli.setDefaultValueProvider(SharedDefaults.fromArgs(env, args));
        cli.setParameterExceptionHandler(Newsflow::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String command = commandLine.getCommandSpec().qualifiedName(); // "newsflow ingest feed"
            if (e instanceof IllegalArgumentException) {
                commandLine.getErr().println(command + ": " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            LOG.debug("{} failed", command, e);
            StringBuilder message = new StringBuilder(command).append(" failed: ").append(e.getMessage());
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                message.append("\n  caused by: ").append(cause);
            }
            commandLine.getErr().println(message);
            commandLine.getErr().println("(NEWSFLOW_LOG_LEVEL=DEBUG shows the stack trace)");
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli;
    }

    /** An ISO-8601 duration, as the job's options take them, with an error that says so. */
    static Duration duration(String text) {
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is not an ISO-8601 duration such as PT2S, PT0.5S or PT5M");
        }
    }

    /**
     * A bad command line: its message, the command or option meant if the unknown word is a typo of one, and
     * where the options are; not the whole usage, which would bury the message (and show a bad value from
     * {@code --config} as the default).
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        PrintWriter err = where.getErr();
        err.println(e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> names = new ArrayList<>(where.getSubcommands().keySet());
            where.getCommandSpec().options().forEach(option -> names.addAll(List.of(option.names())));
            unmatched.getUnmatched().stream().findFirst()
                    .flatMap(word -> ConfigValues.closest(word, names))
                    .ifPresent(meant -> err.println("Did you mean '" + meant + "'?"));
        }
        err.println("Try '" + where.getCommandSpec().qualifiedName() + " --help' for the "
                + (where.getSubcommands().isEmpty() ? "options." : "commands and options."));
        return where.getCommandSpec().exitCodeOnInvalidInput();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Newsflow.class.getPackage().getImplementationVersion();
            return new String[] {"newsflow " + (version == null ? "development build" : version)};
        }
    }
}
