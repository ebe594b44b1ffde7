package io.newsflow.app;

import io.newsflow.processing.config.ConfigValues;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code newsflow help [COMMAND...]}: the usage of the command named by the whole path after it ("help kb
 * publish" shows {@code kb publish}'s), where picocli's own help command reads only the first word and shows
 * {@code kb}'s. A word that names no subcommand is a usage error that says which command lacks it, and the
 * subcommand meant if the word is a typo of one.
 */
@Command(name = "help", helpCommand = true,
        description = "Shows the usage of a command: 'help kb publish', or of this command without one.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help and exits.")
    private boolean help;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, and its subcommands, to show.")
    private List<String> path = new ArrayList<>();

    private CommandLine self;
    private CommandLine.Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter out,
            PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public void run() {
        CommandLine command = self.getParent();
        for (String name : path) {
            CommandLine sub = command.getSubcommands().get(name);
            if (sub == null) {
                String meant = ConfigValues.closest(name, command.getSubcommands().keySet())
                        .map(closest -> ". Did you mean '" + closest + "'?").orElse("");
                throw new CommandLine.ParameterException(self, "'" + command.getCommandSpec().qualifiedName()
                        + "' has no command '" + name + "'" + meant);
            }
            command = sub;
        }
        command.usage(out, colors);
    }
}
