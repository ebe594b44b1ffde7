package io.newsflow.processing.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The values of a set of {@link ConfigOption}s, each taken from the first place that sets it: a flag
 * ({@code --name value}), then the environment ({@code NEWSFLOW_NAME}), then a properties file ({@code --config
 * FILE}, else {@code $NEWSFLOW_CONFIG}; keys are the names, {@code name=value}), then the option's default.
 *
 * <p>Kafka client settings pass through with the same order, setting by setting: {@code --kafka.KEY VALUE},
 * {@code NEWSFLOW_KAFKA_KEY} (Kafka's keys are lower-case words joined by dots, so {@code _} stands for {@code .}:
 * {@code NEWSFLOW_KAFKA_SECURITY_PROTOCOL} is {@code security.protocol}), {@code kafka.KEY=VALUE} in the file.
 *
 * <p>A flag or a key in the file that is no option is an error naming it, with the option it was probably meant
 * to be; a bad value is an error naming the option, the value and where it came from. An environment variable
 * that is no option is left alone (the environment holds other programs' variables too), but one that looks
 * like a misspelt option is logged as a warning. An empty environment variable counts as unset.
 */
public final class ConfigValues {

    public static final String ENV_PREFIX = "NEWSFLOW_";
    /** The name of the option that points at a properties file: {@code --config FILE}, {@code NEWSFLOW_CONFIG}. */
    public static final String CONFIG = "config";
    public static final String CONFIG_ENV = ENV_PREFIX + "CONFIG";
    public static final String KAFKA_PREFIX = "kafka.";
    public static final String KAFKA_ENV_PREFIX = ENV_PREFIX + "KAFKA_";
    /** Variables of the launcher and the command that are not options, so no typo warning for them. */
    static final Set<String> OTHER_VARIABLES = Set.of(CONFIG_ENV, ENV_PREFIX + "HOME", ENV_PREFIX + "LOG_LEVEL",
            ENV_PREFIX + "JAVA_OPTS", ENV_PREFIX + "HTTP_TOKEN");

    private static final Logger LOG = LoggerFactory.getLogger(ConfigValues.class);

    /** A value that was set somewhere, and where: {@code --name}, {@code NEWSFLOW_NAME} or the file's path. */
    private record Value(String text, String source) {}

    private final Map<String, ConfigOption<?>> options;
    private final Map<String, Value> values;
    private final Map<String, String> kafka;

    private ConfigValues(Map<String, ConfigOption<?>> options, Map<String, Value> values, Map<String, String> kafka) {
        this.options = options;
        this.values = values;
        this.kafka = kafka;
    }

    /** Every option at its default, no Kafka settings: nothing is read from the environment or a file. */
    public static ConfigValues defaults(List<ConfigOption<?>> options) {
        return new ConfigValues(index(options), Map.of(), Map.of());
    }

    /**
     * Resolves the options from flags (names without dashes, as {@code --name value} gives them, {@code config}
     * included), the environment and the properties file the flags or the environment name.
     *
     * @throws IllegalArgumentException naming every unknown flag or key, or a file that cannot be read
     */
    public static ConfigValues resolve(List<ConfigOption<?>> options, Map<String, String> flags, Map<String, String> env) {
        Map<String, ConfigOption<?>> known = index(options);
        Map<String, Value> values = new LinkedHashMap<>();
        Map<String, String> kafka = new LinkedHashMap<>();

        Optional<Path> file = Optional.ofNullable(flags.get(CONFIG)).map(Path::of)
                .or(() -> Optional.ofNullable(nonBlank(env.get(CONFIG_ENV))).map(Path::of));
        if (file.isPresent()) {
            Map<String, String> properties = load(file.get(), flags.containsKey(CONFIG) ? "--config" : CONFIG_ENV);
            checkKnown(known, properties.keySet(), name -> name, file.get() + ": ");
            properties.forEach((name, value) -> put(name, value, file.get().toString(), values, kafka));
        }

        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            String name = variable.getKey();
            String value = nonBlank(variable.getValue());
            if (value == null || !name.startsWith(ENV_PREFIX) || OTHER_VARIABLES.contains(name)) {
                continue;
            }
            if (name.startsWith(KAFKA_ENV_PREFIX) && name.length() > KAFKA_ENV_PREFIX.length()) {
                kafka.put(name.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
                continue;
            }
            String option = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
            if (known.containsKey(option)) {
                values.put(option, new Value(value, name));
            } else {
                closest(name, known.values().stream().map(ConfigOption::envVar).toList())
                        .ifPresent(meant -> LOG.warn("{} is not a Newsflow option and is ignored; did you mean {}?", name, meant));
            }
        }

        Map<String, String> given = new LinkedHashMap<>(flags);
        given.remove(CONFIG);
        checkKnown(known, given.keySet(), name -> "--" + name, "");
        given.forEach((name, value) -> put(name, value, "--" + name, values, kafka));
        return new ConfigValues(known, values, kafka);
    }

    /** The value of an option, read and checked; the default when nothing set it. */
    public <T> T get(ConfigOption<T> option) {
        Value value = values.get(checkRegistered(option).name());
        return value == null ? option.parse(option.defaultValue(), null) : option.parse(value.text(), value.source());
    }

    /** The text of an option's value, checked as {@link #get} does (for a tool that reads the text itself). */
    public String text(ConfigOption<?> option) {
        get(option);
        Value value = values.get(option.name());
        return value == null ? option.defaultValue() : value.text().strip();
    }

    /** Where the value comes from: the flag, the environment variable, the file's path, or {@code default}. */
    public String source(ConfigOption<?> option) {
        Value value = values.get(checkRegistered(option).name());
        return value == null ? "default" : value.source();
    }

    /** The Kafka client settings, keys without {@code kafka.}: {@code security.protocol -> SASL_SSL}. */
    public Map<String, String> kafka() {
        return Map.copyOf(kafka);
    }

    /** The same values, with these given as flags over them (a tool that parsed its own flags passes them here). */
    public ConfigValues withFlags(Map<String, String> flags) {
        Map<String, Value> merged = new LinkedHashMap<>(values);
        Map<String, String> mergedKafka = new LinkedHashMap<>(kafka);
        checkKnown(options, flags.keySet(), name -> "--" + name, "");
        flags.forEach((name, value) -> put(name, value, "--" + name, merged, mergedKafka));
        return new ConfigValues(options, merged, mergedKafka);
    }

    /** The same values without the Kafka settings, for clients of a broker of one's own. */
    public ConfigValues withoutKafka() {
        return new ConfigValues(options, values, Map.of());
    }

    private static void put(String name, String value, String source, Map<String, Value> values, Map<String, String> kafka) {
        if (name.startsWith(KAFKA_PREFIX)) {
            kafka.put(name.substring(KAFKA_PREFIX.length()), value);
        } else {
            values.put(name, new Value(value, source));
        }
    }

    private ConfigOption<?> checkRegistered(ConfigOption<?> option) {
        if (options.get(option.name()) != option) {
            throw new IllegalArgumentException(option.flag() + " is not one of the options these values were read for");
        }
        return option;
    }

    private static void checkKnown(Map<String, ConfigOption<?>> known, Set<String> names,
                                   Function<String, String> display, String prefix) {
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith(KAFKA_PREFIX) && name.length() > KAFKA_PREFIX.length()) {
                continue;
            }
            if (!known.containsKey(name)) {
                unknown.add(display.apply(name) + closest(name, known.keySet()).map(m -> " (did you mean "
                        + display.apply(m) + "?)").orElse(""));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(prefix + (unknown.size() == 1 ? "unknown option " : "unknown options ")
                    + String.join(", ", unknown) + "; the options are "
                    + known.keySet().stream().map(display).collect(Collectors.joining(", "))
                    + " and " + display.apply(KAFKA_PREFIX + "<setting>"));
        }
    }

    private static Map<String, String> load(Path file, String via) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(via + " " + file + ": no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(via + " " + file + ": cannot read it as a properties file: " + e.getMessage(), e);
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key.strip(), properties.getProperty(key)));
        return map;
    }

    private static Map<String, ConfigOption<?>> index(List<ConfigOption<?>> options) {
        Map<String, ConfigOption<?>> index = new LinkedHashMap<>();
        for (ConfigOption<?> option : options) {
            if (index.put(option.name(), option) != null || option.name().equals(CONFIG)) {
                throw new IllegalArgumentException("option " + option.flag() + " is defined twice");
            }
        }
        return index;
    }

    /** The candidate closest to {@code name} if it is close enough to be a typo (at most 2 edits, case aside). */
    public static Optional<String> closest(String name, java.util.Collection<String> candidates) {
        return candidates.stream()
                .map(c -> Map.entry(c, distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() <= 2)
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
