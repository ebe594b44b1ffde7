package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafkaBroker;
import io.newsflow.broker.EmbeddedKafkaExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ingest edge over SASL/PLAIN: Kafka settings alone make it work, and wrong credentials stop it at once. */
class IngestSaslIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = EmbeddedKafkaExtension.withSaslPlain("admin-secret", Map.of("alice", "alice-secret"));

    private static CommandRunner ingestAsAlice(String password, String topic, String... paths) {
        List<String> args = new ArrayList<>(List.of("ingest", "-b", KAFKA.broker().bootstrapServers(), "-t", topic));
        EmbeddedKafkaBroker.saslPlainClient("alice", password).forEach((k, v) -> args.addAll(List.of("-k", k + "=" + v)));
        args.addAll(List.of(paths));
        return CommandRunner.run(args.toArray(String[]::new));
    }

    @Test
    void publishesWithKafkaSettingsAlone() {
        String topic = "articles-" + UUID.randomUUID();
        KAFKA.broker().createTopics(1, topic);

        CommandRunner result = ingestAsAlice("alice-secret", topic, "../samples/articles/musk-interview.txt");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("published 1 article(s) to " + topic);
    }

    @Test
    void wrongCredentialsFailBeforeAnyInputIsReadWithoutRepeatingThePassword() {
        String topic = "articles-" + UUID.randomUUID();
        KAFKA.broker().createTopics(1, topic);

        CommandRunner result = ingestAsAlice("not-the-password", topic, "../samples/articles");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("newsflow ingest failed: cannot reach Kafka at " + KAFKA.broker().bootstrapServers())
                .contains("Authentication failed")
                .doesNotContain("rejected")
                .doesNotContain("not-the-password");
        assertThat(result.out()).doesNotContain("published");
    }

    @Test
    void aMissingTopicIsNamedBeforeAnyInputIsRead() {
        String topic = "missing-" + UUID.randomUUID();

        CommandRunner result = ingestAsAlice("alice-secret", topic, "../samples/articles");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("newsflow ingest failed: topic " + topic + " does not exist on Kafka at "
                + KAFKA.broker().bootstrapServers());
    }
}
