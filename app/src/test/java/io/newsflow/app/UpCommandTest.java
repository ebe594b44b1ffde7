package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UpCommandTest {

    @Test
    void anHttpPortInUseIsRefusedBeforeKafkaAndTheJobStart() throws Exception {
        Path dataDir = Path.of("target", "up-" + UUID.randomUUID());
        try (ServerSocket taken = new ServerSocket(0)) {
            CommandRunner result = CommandRunner.run("up", "--http-port", String.valueOf(taken.getLocalPort()),
                    "--port", "0", "--metrics-port", "-1", "--data-dir", dataDir.toString(),
                    "--log-file", dataDir.resolve("up.log").toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("cannot serve HTTP ingest on port " + taken.getLocalPort(),
                    "choose another with --http-port, or -1 for none");
            assertThat(dataDir.resolve("kafka")).doesNotExist(); // no broker was started
        }
    }
}
