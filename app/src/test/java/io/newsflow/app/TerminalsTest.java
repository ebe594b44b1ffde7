package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TerminalsTest {

    private final Path dir = Path.of("target", "terminals-" + UUID.randomUUID());

    @BeforeEach
    void createDir() throws Exception {
        Files.createDirectories(dir);
    }

    @Test
    void aDescriptorIsATerminalWhenItsLinkPointsToOne() throws Exception {
        assertThat(Terminals.isTerminal(Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/3")))).isTrue();
        assertThat(Terminals.isTerminal(Files.createSymbolicLink(dir.resolve("tty"), Path.of("/dev/tty1")))).isTrue();
    }

    @Test
    void filesPipesAndNullAreNotTerminals() throws Exception {
        assertThat(Terminals.isTerminal(Files.createSymbolicLink(dir.resolve("file"), dir.resolve("log.txt"))))
                .isFalse();
        assertThat(Terminals.isTerminal(Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[1234]"))))
                .isFalse();
        assertThat(Terminals.isTerminal(Files.createSymbolicLink(dir.resolve("null"), Path.of("/dev/null"))))
                .isFalse();
    }

    @Test
    void testsRunWithoutATerminal() {
        assertThat(Terminals.stdout()).isFalse();
        assertThat(Terminals.stderr()).isFalse();
    }
}
