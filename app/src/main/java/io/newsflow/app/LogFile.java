package io.newsflow.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Sends the logs to a file ({@code log4j2-up.properties}): a command that keeps a status line on the terminal,
 * such as {@code newsflow up}, would otherwise see it torn by Kafka's and Flink's output. Errors still reach stderr.
 */
final class LogFile {

    static final String PROPERTY = "newsflow.log.file";

    private LogFile() {}

    static void redirect(Path file) {
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            System.setProperty(PROPERTY, absolute.toString());
            Configurator.reconfigure(LogFile.class.getResource("/log4j2-up.properties").toURI());
        } catch (IOException | URISyntaxException e) {
            throw new IllegalArgumentException("cannot write the log to " + file + ": " + e.getMessage(), e);
        }
    }
}
