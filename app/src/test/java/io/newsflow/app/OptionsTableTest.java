package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.processing.config.ConfigOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The README's options table is the registry ({@code EnrichmentJobConfig.OPTIONS}) and the commands that take
 * each option, as the code has them: an option added, renamed or given to another command fails this test until
 * the table says so. The failure prints the table to paste.
 */
class OptionsTableTest {

    private static final String BEGIN = "<!-- options table: OptionsTableTest checks it against the code -->";
    private static final String END = "<!-- end of options table -->";

    @Test
    void theReadmeTableIsTheRegistry() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README.md has the markers %s and %s", BEGIN, END).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String table = readme.substring(begin + BEGIN.length(), end).strip();

        assertThat(table).as("the options table in README.md; it should read:%n%n%s%n", expected()).isEqualTo(expected());
    }

    /** The table: an option a line, the commands that take its flag, and Kafka's pass-through last. */
    static String expected() {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        List<String> kafkaCommands = new ArrayList<>();
        visit(Newsflow.commandLine(Map.of()), commands, kafkaCommands);
        StringBuilder table = new StringBuilder("| option | environment variable | default | meaning | commands |\n|---|---|---|---|---|\n");
        for (ConfigOption<?> option : SharedDefaults.options()) {
            List<String> takers = new ArrayList<>(List.of("job"));
            takers.addAll(commands.getOrDefault(option.name(), List.of()));
            table.append(String.format("| `%s` | `%s` | `%s` | %s | %s |%n", option.flag(), option.envVar(),
                    option.defaultValue(), option.meaning(), String.join(", ", takers)));
        }
        table.append(String.format("| `--kafka.<setting>` | `NEWSFLOW_KAFKA_<SETTING>` | | a Kafka client setting, passed to "
                + "every Kafka client as it is | job, %s (`-k KEY=VALUE`) |", String.join(", ", kafkaCommands)));
        return table.toString();
    }

    private static void visit(CommandLine command, Map<String, List<String>> commands, List<String> kafkaCommands) {
        String name = command.getCommandSpec().qualifiedName().replaceFirst("^newsflow ?", "");
        for (OptionSpec option : command.getCommandSpec().options()) {
            SharedDefaults.sharedOption(option).ifPresent(shared -> {
                String flag = option.longestName().equals(shared.flag()) ? "" : " (`" + option.longestName() + "`)";
                commands.computeIfAbsent(shared.name(), n -> new ArrayList<>()).add("`" + name + "`" + flag);
            });
            if (option.longestName().equals("--kafka")) {
                kafkaCommands.add("`" + name + "`");
            }
        }
        command.getSubcommands().values().forEach(sub -> visit(sub, commands, kafkaCommands));
    }

    @Test
    void everySharedFlagSaysWhereElseItsValueMayComeFrom() {
        List<String> silent = new ArrayList<>();
        check(Newsflow.commandLine(Map.of()), silent);
        assertThat(silent).as("shared options whose description does not name their variable").isEmpty();
    }

    private static void check(CommandLine command, List<String> silent) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            SharedDefaults.sharedOption(option).ifPresent(shared -> {
                String description = String.join(" ", option.description());
                if (!description.contains("$" + shared.envVar()) || !description.contains("--config")) {
                    silent.add(command.getCommandSpec().qualifiedName() + " " + option.longestName());
                }
            });
        }
        command.getSubcommands().values().forEach(sub -> check(sub, silent));
    }
}
