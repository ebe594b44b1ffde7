package io.newsflow.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsflow} command: runs the pipeline locally and feeds it. Each subcommand has {@code --help}. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, versionProvider = Newsflow.Version.class,
        description = "News enrichment on Kafka and Flink: entity and topic tags for every article.",
        subcommands = {DemoCommand.class, UpCommand.class, IngestCommand.class, TagCommand.class, EvalCommand.class,
                DlqCommand.class, BenchCommand.class, TrainNerCommand.class, BuildClustersCommand.class,
                CommandLine.HelpCommand.class})
public final class Newsflow {

    private static final Logger LOG = LoggerFactory.getLogger(Newsflow.class);

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the project's error handling: a bad option prints its message and the usage. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Newsflow());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String command = "newsflow " + commandLine.getCommandName();
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

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Newsflow.class.getPackage().getImplementationVersion();
            return new String[] {"newsflow " + (version == null ? "development build" : version)};
        }
    }
}
