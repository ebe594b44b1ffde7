package io.newsflow.app;

import io.newsflow.processing.EnrichmentJobConfig;
import io.newsflow.processing.config.ConfigOption;
import io.newsflow.processing.config.ConfigValues;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The commands' defaults for the shared options ({@link SharedOption}): the environment ({@code NEWSFLOW_NAME}),
 * then the {@code --config} file (else {@code $NEWSFLOW_CONFIG}), then the option's default — the same order and
 * the same checks as the job's ({@link ConfigValues}), so {@code NEWSFLOW_BOOTSTRAP_SERVERS} set once serves every
 * command. A flag given on the command line beats all of them, as picocli applies it over the default.
 *
 * <p>Picocli asks for defaults before it reads the flags, so {@link Newsflow#commandLine(Map, String...)} finds
 * {@code --config FILE} in the arguments first. The file and the environment are read on first use, and only by
 * commands with shared options: a bad value or an unknown key is then a usage error naming it.
 */
final class SharedDefaults implements IDefaultValueProvider {

    private final Map<String, String> env;
    private final String configFile;
    private ConfigValues values;

    SharedDefaults(Map<String, String> env, String configFile) {
        this.env = Map.copyOf(env);
        this.configFile = configFile;
    }

    /** Finds {@code --config FILE} or {@code --config=FILE} in raw arguments (the last one counts, as in picocli). */
    static SharedDefaults fromArgs(Map<String, String> env, String... args) {
        String file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            } else if (args[i].equals("--config") && i + 1 < args.length) {
                file = args[++i];
            } else if (args[i].startsWith("--config=")) {
                file = args[i].substring("--config=".length());
            }
        }
        return new SharedDefaults(env, file);
    }

    /**
     * The provider the command line was made with, or one on this process's environment. A mixin's spec has no
     * provider of its own, but knows the command line it is part of.
     */
    static SharedDefaults of(CommandSpec spec) {
        if (spec.defaultValueProvider() instanceof SharedDefaults defaults) {
            return defaults;
        }
        if (spec.commandLine() != null && spec.commandLine().getDefaultValueProvider() instanceof SharedDefaults defaults) {
            return defaults;
        }
        return new SharedDefaults(System.getenv(), null);
    }

    /** The shared options resolved from the environment and the file (no flags). */
    synchronized ConfigValues values() {
        if (values == null) {
            Map<String, String> flags = new HashMap<>();
            Optional.ofNullable(configFile).ifPresent(f -> flags.put(ConfigValues.CONFIG, f));
            values = ConfigValues.resolve(EnrichmentJobConfig.OPTIONS, flags, env);
        }
        return values;
    }

    /** The registry option behind a command's option, if it is a shared one. */
    static Optional<ConfigOption<?>> sharedOption(ArgSpec arg) {
        if (!(arg.userObject() instanceof Field field) || field.getAnnotation(SharedOption.class) == null) {
            return Optional.empty();
        }
        String name = field.getAnnotation(SharedOption.class).value();
        return Optional.of(options().stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(field + " names no shared option: " + name)));
    }

    static List<ConfigOption<?>> options() {
        return EnrichmentJobConfig.OPTIONS;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        Optional<ConfigOption<?>> option = sharedOption(arg);
        if (option.isEmpty()) {
            return null;
        }
        try {
            return values().text(option.get());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(arg.command().commandLine(), e.getMessage(), e, arg, null);
        }
    }
}
