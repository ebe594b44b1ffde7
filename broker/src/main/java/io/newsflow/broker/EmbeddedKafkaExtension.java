package io.newsflow.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A broker for a test class: started before its first test, in a new log directory under {@code target/},
 * and stopped after its last. {@code @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new
 * EmbeddedKafkaExtension();} then {@code KAFKA.broker()}; it is up before the class's own {@code @BeforeAll}.
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, AfterAllCallback {

    private final Function<Path, EmbeddedKafkaBroker> starter;
    private EmbeddedKafkaBroker broker;

    /** A broker with the default settings. */
    public EmbeddedKafkaExtension() {
        this(Map.of());
    }

    /** A broker with these broker settings on top of the defaults. */
    public EmbeddedKafkaExtension(Map<String, String> overrides) {
        this(logDir -> EmbeddedKafkaBroker.start(logDir, 0, overrides));
    }

    private EmbeddedKafkaExtension(Function<Path, EmbeddedKafkaBroker> starter) {
        this.starter = starter;
    }

    /** A broker whose only client listener is SASL/PLAIN (see {@link EmbeddedKafkaBroker#startWithSaslPlain}). */
    public static EmbeddedKafkaExtension withSaslPlain(String adminPassword, Map<String, String> users) {
        return new EmbeddedKafkaExtension(logDir -> EmbeddedKafkaBroker.startWithSaslPlain(logDir, adminPassword, users));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = starter.apply(Path.of("target", "kafka-" + UUID.randomUUID()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** The running broker. */
    public EmbeddedKafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("the broker runs only while the test class does");
        }
        return broker;
    }
}
