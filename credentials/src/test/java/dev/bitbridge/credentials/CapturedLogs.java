package dev.bitbridge.credentials;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Everything logged, at any level the log manager lets through, while it is open: messages and stack traces. */
public final class CapturedLogs extends Handler implements AutoCloseable {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    private CapturedLogs() {
        setLevel(Level.ALL);
    }

    /** @return a capture attached to the root logger */
    public static CapturedLogs start() {
        CapturedLogs logs = new CapturedLogs();
        Logger.getLogger("").addHandler(logs);
        return logs;
    }

    /** @return every captured record, formatted with its stack trace */
    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void publish(LogRecord record) {
        StringWriter trace = new StringWriter();
        if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(trace));
        }
        lines.add(formatter.formatMessage(record) + trace);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
