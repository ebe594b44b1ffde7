package io.newsflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;
import org.awaitility.Awaitility;

/**
 * A Flink standalone session cluster as separate JVMs, started the way Flink's {@code bin/jobmanager.sh} and
 * {@code bin/taskmanager.sh} start one: {@code StandaloneSessionClusterEntrypoint} and {@code TaskManagerRunner}
 * with {@code --configDir} on a {@code config.yaml}, with the memory JVM options and dynamic properties the
 * scripts derive from it, on the classpath of the distribution's parts (never on the test's classpath). Jobs
 * are submitted with {@code flink run} ({@code CliFrontend}) in its own JVM, as a user or the compose file's
 * {@code job} service does. Everything lives under one directory in {@code target/}: configuration, logs
 * ({@code log/}), checkpoints; {@link #close()} stops every process.
 */
final class StandaloneFlinkCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** What the distribution's conf/config.yaml sets for Java 17, and bin/config.sh puts on every JVM. */
    private static final String JAVA_17_OPTIONS = String.join(" ",
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED", "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");
    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");

    private final Path dir;
    private final Path confDir;
    private final Path logDir;
    private final String classpath;
    private final int restPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Process> taskManagers = new LinkedHashMap<>();

    private StandaloneFlinkCluster(Path dir, List<Path> classpath, int restPort) {
        this.dir = dir;
        this.confDir = dir.resolve("conf");
        this.logDir = dir.resolve("log");
        this.classpath = String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList());
        this.restPort = restPort;
    }

    /**
     * Starts a JobManager and {@code taskManagers} TaskManagers ({@code tm-1}, {@code tm-2}, …) and returns once
     * every TaskManager has registered.
     *
     * @param settings Flink settings on top of the cluster's addresses, ports and directories
     */
    static StandaloneFlinkCluster start(Path dir, List<Path> flinkClasspath, Map<String, String> settings,
                                        int taskManagers) throws IOException {
        StandaloneFlinkCluster cluster = new StandaloneFlinkCluster(dir.toAbsolutePath(), flinkClasspath, freePort());
        try {
            cluster.writeConfiguration(settings);
            cluster.startJobManager();
            for (int i = 1; i <= taskManagers; i++) {
                cluster.startTaskManager("tm-" + i);
            }
            Awaitility.await("TaskManagers registered").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .failFast("a Flink process exited; see " + cluster.logDir, cluster::anyProcessExited)
                    .until(() -> cluster.registeredTaskManagers() == taskManagers);
            return cluster;
        } catch (RuntimeException | IOException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** The distribution's jars, one path a line or separated by the platform's path separator. */
    static List<Path> classpath(Path file) throws IOException {
        return Arrays.stream(Files.readString(file).strip().split("[" + java.io.File.pathSeparator + "\n]"))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    Path logDir() {
        return logDir;
    }

    /** {@code flink run --detached JAR ARGS...} against this cluster; returns the job's id. */
    String submit(Path jar, List<String> programArgs) throws IOException, InterruptedException {
        Configuration config = GlobalConfiguration.loadConfiguration(confDir.toString());
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions(config, null, CoreOptions.FLINK_CLI_JVM_OPTIONS));
        command.addAll(List.of("-Dlog.file=" + logDir.resolve("flink-client.log"),
                "-Dlog4j.configurationFile=" + confDir.resolve("log4j.properties").toUri(),
                "-cp", classpath, "org.apache.flink.client.cli.CliFrontend", "run", "--detached", jar.toString()));
        command.addAll(programArgs);
        Path out = logDir.resolve("flink-client.out");
        Process client = launch(command, out);
        if (!client.waitFor(2, TimeUnit.MINUTES)) {
            client.destroyForcibly();
            throw new IllegalStateException("flink run did not return in 2 minutes; see " + out);
        }
        String output = Files.readString(out);
        Matcher id = JOB_ID.matcher(output);
        if (client.exitValue() != 0 || !id.find()) {
            throw new IllegalStateException("flink run failed (exit " + client.exitValue() + "):\n" + output);
        }
        return id.group(1);
    }

    /** GET on the REST API, e.g. {@code /jobs/<id>}. */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    int registeredTaskManagers() {
        try {
            return get("/overview").path("taskmanagers").asInt(-1);
        } catch (IOException | IllegalStateException e) {
            return -1; // not answering yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether a process of the cluster stopped, other than a TaskManager {@link #kill killed} on purpose. */
    boolean anyProcessExited() {
        return processes.stream().anyMatch(p -> !p.isAlive() && (taskManagers.containsValue(p) || p == processes.get(0)));
    }

    /** Whether the job and every one of its tasks are running. */
    boolean isRunning(String jobId) throws IOException, InterruptedException {
        JsonNode job = get("/jobs/" + jobId);
        boolean running = "RUNNING".equals(job.path("state").asText());
        for (JsonNode vertex : job.path("vertices")) {
            running &= "RUNNING".equals(vertex.path("status").asText());
        }
        return running;
    }

    /** The TaskManagers (their resource ids) on which the job has tasks. */
    Set<String> taskManagersOf(String jobId) throws IOException, InterruptedException {
        Set<String> ids = new TreeSet<>();
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            for (JsonNode tm : get("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/taskmanagers")
                    .path("taskmanagers")) {
                ids.add(tm.path("taskmanager-id").asText());
            }
        }
        return ids;
    }

    /** Kills a TaskManager's JVM at once (SIGKILL): no shutdown hooks, no goodbye to the JobManager. */
    void kill(String taskManager) throws InterruptedException {
        Process process = taskManagers.remove(taskManager);
        if (process == null) {
            throw new IllegalArgumentException("no running TaskManager " + taskManager + "; running: " + taskManagers.keySet());
        }
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy(); // TaskManagers first, the JobManager last
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeConfiguration(Map<String, String> settings) throws IOException {
        Files.createDirectories(confDir);
        Files.createDirectories(logDir);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Map<String, String> config = new LinkedHashMap<>();
        config.put("jobmanager.rpc.address", "localhost");
        config.put("jobmanager.rpc.port", String.valueOf(freePort()));
        config.put("jobmanager.bind-host", "localhost");
        config.put("rest.address", "localhost");
        config.put("rest.bind-address", "localhost");
        config.put("rest.port", String.valueOf(restPort));
        config.put("taskmanager.host", "localhost");
        config.put("taskmanager.bind-host", "localhost");
        config.put("io.tmp.dirs", tmp.toString());
        config.put(CoreOptions.FLINK_DEFAULT_JVM_OPTIONS.key(), JAVA_17_OPTIONS);
        // the sizes of the distribution's conf/config.yaml (and of the flink image)
        config.put("jobmanager.memory.process.size", "1600m");
        config.put("taskmanager.memory.process.size", "1728m");
        config.putAll(settings);
        StringBuilder yaml = new StringBuilder("# written by StandaloneFlinkCluster\n");
        config.forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
        Files.writeString(confDir.resolve("config.yaml"), yaml);
        Files.writeString(confDir.resolve("log4j.properties"), """
                rootLogger.level = INFO
                rootLogger.appenderRef.file.ref = file
                appender.file.type = File
                appender.file.name = file
                appender.file.fileName = ${sys:log.file}
                appender.file.layout.type = PatternLayout
                appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-50c{1.} - %m%n
                logger.kafka.name = org.apache.kafka
                logger.kafka.level = WARN
                """);
    }

    private void startJobManager() throws IOException {
        Configuration config = GlobalConfiguration.loadConfiguration(confDir.toString());
        JobManagerProcessSpec spec = JobManagerProcessUtils.processSpecFromConfig(config);
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(words(JobManagerProcessUtils.generateJvmParametersStr(spec, config)));
        command.addAll(jvmOptions(config, CoreOptions.FLINK_DEFAULT_JM_JVM_OPTIONS, CoreOptions.FLINK_JM_JVM_OPTIONS));
        command.addAll(List.of("-Dlog.file=" + logDir.resolve("jobmanager.log"),
                "-Dlog4j.configurationFile=" + confDir.resolve("log4j.properties").toUri(), "-cp", classpath,
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "--configDir", confDir.toString()));
        command.addAll(words(JobManagerProcessUtils.generateDynamicConfigsStr(spec)));
        processes.add(launch(command, logDir.resolve("jobmanager.out")));
    }

    private void startTaskManager(String resourceId) throws IOException {
        Configuration config = GlobalConfiguration.loadConfiguration(confDir.toString());
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(config);
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(words(ProcessMemoryUtils.generateJvmParametersStr(spec)));
        command.addAll(jvmOptions(config, CoreOptions.FLINK_DEFAULT_TM_JVM_OPTIONS, CoreOptions.FLINK_TM_JVM_OPTIONS));
        command.addAll(List.of("-Dlog.file=" + logDir.resolve(resourceId + ".log"),
                "-Dlog4j.configurationFile=" + confDir.resolve("log4j.properties").toUri(), "-cp", classpath,
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "--configDir", confDir.toString()));
        command.addAll(words(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec)));
        command.addAll(List.of("-D", "taskmanager.resource-id=" + resourceId));
        Process process = launch(command, logDir.resolve(resourceId + ".out"));
        processes.add(process);
        taskManagers.put(resourceId, process);
    }

    private Process launch(List<String> command, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("FLINK_CONF_DIR", confDir.toString());
        return builder.start();
    }

    /** The JVM options bin/config.sh gives a process: the defaults, then the user's, for all and for its role. */
    private static List<String> jvmOptions(Configuration config, ConfigOption<String> roleDefaults, ConfigOption<String> role) {
        List<String> options = new ArrayList<>();
        for (ConfigOption<String> option : Arrays.asList(CoreOptions.FLINK_DEFAULT_JVM_OPTIONS, roleDefaults,
                CoreOptions.FLINK_JVM_OPTIONS, role)) {
            if (option != null) {
                options.addAll(words(config.get(option, "")));
            }
        }
        return options;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
