package dev.bitbridge.launcher;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.jboss.logmanager.handlers.SizeRotatingFileHandler;

/**
 * Routes the launcher's logging. Everything goes through the JBoss Log Manager: our own messages (JBoss Logging),
 * Kafka's and zonky's (SLF4J, bound by {@code slf4j-jboss-logmanager}).
 * <p>
 * In the supervisor, the broker's own messages go to {@code logs/kafka.log} and everything else to standard output,
 * which {@code ./bitbridge up} sends to {@code logs/launcher.log}; a developer reading why Bitbridge did not start is
 * not buried under a broker's configuration dump. Short commands such as {@code records} log only warnings, to
 * standard error, so their output stays clean.
 */
final class LauncherLogging {

    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c{1.}] (%t) %s%e%n";
    /** Logger categories of the Kafka broker and clients. */
    private static final List<String> KAFKA_CATEGORIES = List.of("kafka", "org.apache.kafka", "state.change.logger");
    /** Configured loggers are kept referenced so that their configuration cannot be garbage-collected. */
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private LauncherLogging() {
    }

    /** Installs the JBoss Log Manager as the JUL manager; must run before anything logs. */
    static void useJBossLogManager() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
    }

    /** Supervisor: INFO to standard output, the broker to its own file. */
    static void forSupervisor(Path kafkaLog) {
        Logger root = resetRoot(Level.INFO, ConsoleHandler.Target.SYSTEM_OUT);
        try {
            // The broker is chatty (its whole configuration at every start): keep at most 3 x 10 MB of it.
            SizeRotatingFileHandler kafkaFile = new SizeRotatingFileHandler(kafkaLog.toFile(), true, 10L * 1024 * 1024,
                    2);
            kafkaFile.setFormatter(new PatternFormatter(PATTERN));
            kafkaFile.setAutoFlush(true);
            for (String category : KAFKA_CATEGORIES) {
                Logger logger = Logger.getLogger(category);
                logger.setUseParentHandlers(false);
                logger.addHandler(kafkaFile);
                CONFIGURED.add(logger);
            }
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("Cannot open " + kafkaLog, e);
        }
        CONFIGURED.add(root);
    }

    /** Short commands: warnings only, to standard error; Kafka clients only when they fail. */
    static void forCommand() {
        CONFIGURED.add(resetRoot(Level.WARNING, ConsoleHandler.Target.SYSTEM_ERR));
        Logger kafka = Logger.getLogger("org.apache.kafka");
        kafka.setLevel(Level.SEVERE);
        CONFIGURED.add(kafka);
    }

    private static Logger resetRoot(Level level, ConsoleHandler.Target target) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler(target, new PatternFormatter(PATTERN));
        console.setAutoFlush(true);
        root.addHandler(console);
        root.setLevel(level);
        return root;
    }
}
