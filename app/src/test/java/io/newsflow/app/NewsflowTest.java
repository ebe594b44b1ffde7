package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NewsflowTest {

    @Test
    void helpListsTheCommands() {
        CommandRunner result = CommandRunner.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("demo", "up", "ingest", "tag", "eval");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "up", "ingest", "tag", "eval", "dlq"})
    void everyCommandHasHelp(String command) {
        CommandRunner result = CommandRunner.run(command, "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: newsflow " + command);
    }

    @Test
    void unknownCommandIsAUsageError() {
        CommandRunner result = CommandRunner.run("frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched argument", "frobnicate");
    }

    @Test
    void badOptionValueNamesTheOption() {
        CommandRunner result = CommandRunner.run("up", "--partitions", "0", "--port", "0", "--data-dir", "target/unused");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--partitions must be >= 1, got 0");
    }
}
