package dev.bitbridge.testkit;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The output of the command-line tools (the benchmarks, the demo, the simulators' mains) as a logger: each message on
 * a line of its own, as it is, warnings and errors on standard error with their stack trace, flushed at once so that a
 * script following the output sees every line when it is written. Never give it a credential.
 */
public final class ConsoleLog {

    private ConsoleLog() {
    }

    /** @return the logger of that name, writing plain lines to the console (set up once) */
    public static synchronized Logger named(String name) {
        Logger logger = Logger.getLogger(name);
        if (logger.getHandlers().length == 0) {
            logger.setUseParentHandlers(false);
            logger.setLevel(Level.INFO);
            logger.addHandler(new PlainLines());
        }
        return logger;
    }

    private static final class PlainLines extends Handler {

        @Override
        public void publish(LogRecord record) {
            PrintStream out = record.getLevel().intValue() >= Level.WARNING.intValue() ? System.err : System.out;
            StringBuilder text = new StringBuilder(record.getMessage() == null ? "" : record.getMessage());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(System.lineSeparator()).append(trace.toString().stripTrailing());
            }
            out.println(text);
            out.flush();
        }

        @Override
        public void flush() {
            System.out.flush();
            System.err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
