package dev.bitbridge.launcher;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import org.apache.kafka.common.KafkaException;

import dev.bitbridge.events.Topics;

/**
 * Entry point of the launcher jar; the {@code ./bitbridge} script is its user interface.
 * <ul>
 * <li>{@code supervise}: run the {@link Supervisor} in the foreground ({@code ./bitbridge up} runs it detached);</li>
 * <li>{@code records [--bootstrap host:port] [--follow] [topic]}: print a topic's records ({@link RecordPrinter}).</li>
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
        LauncherConfig config = LauncherConfig.fromEnvironment(
                Path.of(System.getProperty("bitbridge.repository", "")), System.getenv());
        LauncherHome home = new LauncherHome(config.home()).create();
        LauncherLogging.forSupervisor(home.logFile(Supervisor.KAFKA));
        return new Supervisor(config).run();
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
                Normally run through ./bitbridge (up, down, status, logs, records).""");
        return 2;
    }
}
