package dev.bitbridge.launcher;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import org.apache.kafka.common.KafkaException;

import dev.bitbridge.events.Topics;

/**
 * Entry point of the launcher jar; the {@code ./bitbridge} script is its user interface.
 * <ul>
 * <li>{@code supervise}: run the {@link Supervisor} in the foreground ({@code ./bitbridge up} runs it detached);</li>
 * <li>{@code records [--bootstrap host:port] [--follow] [topic]}: print a topic's records ({@link RecordPrinter});</li>
 * <li>{@code modules}: the modules of the services, one per line with their artifact and what it is built from
 * ({@link #moduleTable}), which the script builds when stale.</li>
 * </ul>
 * The repository root comes from the system property {@code bitbridge.repository} (the script sets it), else the
 * working directory; everything else from {@code BITBRIDGE_*} environment variables ({@link LauncherConfig}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before any class logs: the JBoss Log Manager must be the JUL manager for its configuration to apply.
        LauncherLogging.useJBossLogManager();
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        String command = rest.isEmpty() ? "help" : rest.pop();
        int code;
        try {
            code = switch (command) {
                case "supervise" -> supervise();
                case "records" -> records(rest);
                case "modules" -> modules();
                default -> usage();
            };
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            code = 2;
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    private static int supervise() {
        LauncherConfig config = LauncherConfig.fromEnvironment(repository(), System.getenv());
        LauncherHome home = new LauncherHome(config.home()).create();
        LauncherLogging.forSupervisor(home.logFile(Supervisor.KAFKA));
        return new Supervisor(config).run();
    }

    /**
     * Prints {@link #moduleTable}; the script's only source for which services to build. It runs on every
     * {@code ./bitbridge up}, so it only reads poms: no Kafka client, no logging setup, nothing written.
     */
    private static int modules() {
        moduleTable(repository()).forEach(System.out::println);
        return 0;
    }

    /**
     * @return one tab-separated line per service, in start order: its module folder, its artifact and the files and
     *         folders its artifact is built from, all relative to the repository root ({@link BuildInputs})
     */
    static List<String> moduleTable(Path repository) {
        BuildInputs inputs = BuildInputs.read(repository);
        List<String> lines = new ArrayList<>();
        for (String module : ServiceCatalog.modules()) {
            List<String> fields = new ArrayList<>(List.of(module, ServiceCatalog.artifact(module).toString()));
            fields.addAll(inputs.of(module));
            lines.add(String.join("\t", fields));
        }
        return lines;
    }

    private static Path repository() {
        return Path.of(System.getProperty("bitbridge.repository", "")).toAbsolutePath().normalize();
    }

    private static int records(Deque<String> args) {
        LauncherLogging.forCommand();
        String bootstrap = "localhost:" + LauncherConfig.DEFAULT_KAFKA_PORT;
        String topic = Topics.WEBHOOKS_V1;
        boolean follow = false;
        while (!args.isEmpty()) {
            String arg = args.pop();
            switch (arg) {
                case "--bootstrap" -> {
                    if (args.isEmpty()) {
                        throw new IllegalArgumentException("--bootstrap needs host:port");
                    }
                    bootstrap = args.pop();
                }
                case "-f", "--follow" -> follow = true;
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("Unknown option " + arg);
                    }
                    topic = arg;
                }
            }
        }
        try {
            new RecordPrinter(bootstrap, System.out).print(topic, follow);
            return 0;
        } catch (KafkaException e) {
            System.err.println("Cannot read " + topic + " from Kafka at " + bootstrap + ": " + e.getMessage());
            return 1;
        }
    }

    private static int usage() {
        System.err.println("""
                Usage: java -jar bitbridge-launcher.jar supervise
                       java -jar bitbridge-launcher.jar records [--bootstrap host:port] [--follow] [topic]
                       java -jar bitbridge-launcher.jar modules
                Normally run through ./bitbridge (up, build, down, status, logs, records).""");
        return 2;
    }
}
