package io.newsflow.processing.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One option of Newsflow's configuration surface: its name (the flag without dashes, the key in a properties
 * file), its default, what it means, and how a value is read and checked. The same option is set by
 * {@code --name value}, by the environment variable {@link #envVar()} or by {@code name=value} in a
 * {@code --config} file; {@link ConfigValues} decides which one counts.
 *
 * @param <T> the type of the value
 */
public final class ConfigOption<T> {

    private final String name;
    private final String defaultValue;
    private final String meaning;
    private final Function<String, T> parser;

    private ConfigOption(String name, String defaultValue, String meaning, Function<String, T> parser) {
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("an option name is lower-case words joined by '-', got '" + name + "'");
        }
        this.name = name;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
        this.parser = parser;
        parse(defaultValue, "the default"); // a default that its own option refuses is a programming error
    }

    /** Any text but an empty one. */
    public static ConfigOption<String> text(String name, String defaultValue, String meaning) {
        return new ConfigOption<>(name, defaultValue, meaning, value -> {
            if (value.isBlank()) {
                throw new IllegalArgumentException("must not be empty");
            }
            return value.strip();
        });
    }

    /** A whole number above zero. */
    public static ConfigOption<Integer> positiveInt(String name, int defaultValue, String meaning) {
        return new ConfigOption<>(name, String.valueOf(defaultValue), meaning, value -> {
            int number;
            try {
                number = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number, got '" + value + "'");
            }
            if (number <= 0) {
                throw new IllegalArgumentException("must be > 0, got " + number);
            }
            return number;
        });
    }

    /** An ISO-8601 duration above zero, such as {@code P7D} or {@code PT12H}. */
    public static ConfigOption<Duration> positiveDuration(String name, Duration defaultValue, String meaning) {
        String text = defaultValue.toSeconds() % 86_400 == 0 && defaultValue.getNano() == 0
                ? "P" + defaultValue.toDays() + "D" : defaultValue.toString();
        return new ConfigOption<>(name, text, meaning, value -> {
            Duration duration;
            try {
                duration = Duration.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("must be an ISO-8601 duration such as P7D or PT12H, got '" + value + "'");
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("must be positive, got " + duration);
            }
            return duration;
        });
    }

    /**
     * One of a few words, in the order given; case and {@code _} for {@code -} do not matter
     * ({@code AT_LEAST_ONCE} reads as {@code at-least-once}).
     */
    public static <T> ConfigOption<T> choice(String name, String defaultValue, String meaning, Map<String, T> choices) {
        Map<String, T> words = new LinkedHashMap<>(choices);
        return new ConfigOption<>(name, defaultValue, meaning, value -> {
            T chosen = words.get(value.strip().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (chosen == null) {
                List<String> names = new ArrayList<>(words.keySet());
                String last = names.remove(names.size() - 1);
                String all = names.isEmpty() ? last : String.join(", ", names) + " or " + last;
                throw new IllegalArgumentException("must be " + all + ", got '" + value + "'");
            }
            return chosen;
        });
    }

    /** The name: the flag without its dashes and the key in a properties file, e.g. {@code input-topic}. */
    public String name() {
        return name;
    }

    /** {@code --input-topic}. */
    public String flag() {
        return "--" + name;
    }

    /** {@code NEWSFLOW_INPUT_TOPIC}. */
    public String envVar() {
        return ConfigValues.ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String meaning() {
        return meaning;
    }

    /**
     * Reads a value; a bad one fails with a message naming the option, the value and, unless it is the flag,
     * where the value came from: {@code --max-body-bytes must be > 0, got 0 (from NEWSFLOW_MAX_BODY_BYTES)}.
     */
    public T parse(String value, String source) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            String from = source == null || source.equals(flag()) ? "" : " (from " + source + ")";
            throw new IllegalArgumentException(flag() + " " + e.getMessage() + from, e);
        }
    }

    @Override
    public String toString() {
        return flag();
    }
}
