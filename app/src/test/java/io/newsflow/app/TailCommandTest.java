package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TailCommandTest {

    @Test
    void aTypeThatIsNoEntityTypeIsAUsageErrorNamingTheValidOnes() {
        CommandRunner result = CommandRunner.run("tail", "--type", "PERSN", "-b", "127.0.0.1:1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid value for option '--type': 'PERSN' is not an entity type; "
                + "valid values (any case): PERSON, ORGANIZATION, LOCATION, PRODUCT, EVENT");
    }

    @Test
    void theTypeIsTakenInAnyCase() {
        CommandLine cli = Newsflow.commandLine();

        CommandLine.ParseResult parsed = cli.parseArgs("tail", "--type", "organization");

        TailCommand tail = parsed.subcommand().commandSpec().commandLine().getCommand();
        assertThat(tail.type).isEqualTo("ORGANIZATION");
    }
}
