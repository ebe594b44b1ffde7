package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class NewsflowTest {

    @Test
    void helpListsTheCommands() {
        CommandRunner result = CommandRunner.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("demo", "up", "ingest", "tag", "eval");
    }

    /** Every command and subcommand but help, as typed after "newsflow": "tag", "kb publish", … */
    static Stream<String> everyCommand() {
        return subcommands(Newsflow.commandLine()).map(cli -> cli.getCommandSpec().qualifiedName())
                .distinct().map(name -> name.substring("newsflow ".length()));
    }

    private static Stream<CommandLine> subcommands(CommandLine cli) {
        return cli.getSubcommands().values().stream()
                .filter(sub -> !(sub.getCommand() instanceof HelpCommand))
                .flatMap(sub -> Stream.concat(Stream.of(sub), subcommands(sub)));
    }

    @ParameterizedTest(name = "{0} --help, -h")
    @MethodSource("everyCommand")
    void everyCommandHasHelp(String command) {
        for (String help : List.of("--help", "-h")) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add(help);
            CommandRunner result = CommandRunner.run(args.toArray(String[]::new));

            assertThat(result.exitCode()).as(args + ": " + result.err()).isZero();
            assertThat(result.out()).startsWith("Usage: newsflow " + command + " ");
        }
    }

    @Test
    void theHelpCommandShowsASubcommandsHelp() {
        CommandRunner result = CommandRunner.run("kb", "help", "publish");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Usage: newsflow kb publish ").contains("--version=<version>", "-h, --help");
    }

    @Test
    void helpFollowsTheWholePathOfSubcommands() {
        CommandRunner nested = CommandRunner.run("help", "kb", "publish");
        CommandRunner top = CommandRunner.run("help");
        CommandRunner unknown = CommandRunner.run("help", "kb", "pubish");

        assertThat(nested.exitCode()).as(nested.err()).isZero();
        assertThat(nested.out()).startsWith("Usage: newsflow kb publish ");
        assertThat(top.out()).startsWith("Usage: newsflow ").contains("Commands:");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("'newsflow kb' has no command 'pubish'. Did you mean 'publish'?\n");
        assertThat(unknown.out()).isEmpty();
    }

    @Test
    void unknownCommandIsAUsageErrorThatSaysWhereTheCommandsAreAndNotTheWholeUsage() {
        CommandRunner result = CommandRunner.run("frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Unmatched argument at index 0: 'frobnicate'\n"
                + "Try 'newsflow --help' for the commands and options.\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aTypoOfACommandOrOptionSuggestsIt() {
        CommandRunner command = CommandRunner.run("tial");
        CommandRunner option = CommandRunner.run("tail", "--bootstrap-server", "localhost:1");

        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err()).contains("'tial'", "Did you mean 'tail'?");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("'--bootstrap-server'", "Did you mean '--bootstrap-servers'?",
                "Try 'newsflow tail --help' for the options.");
    }

    @Test
    void aBadDurationSaysWhatADurationLooksLike() {
        CommandRunner result = CommandRunner.run("up", "--checkpoint-interval", "2 seconds", "--data-dir", "target/unused");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Invalid value for option '--checkpoint-interval': "
                + "'2 seconds' is not an ISO-8601 duration such as PT2S, PT0.5S or PT5M\n")
                .doesNotContain("Usage:", "DateTimeParseException");
    }

    @Test
    void badOptionValueNamesTheOption() {
        CommandRunner result = CommandRunner.run("up", "--partitions", "0", "--port", "0", "--data-dir", "target/unused");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--partitions must be >= 1, got 0");
    }
}
