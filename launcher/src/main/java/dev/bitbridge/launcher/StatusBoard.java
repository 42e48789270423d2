package dev.bitbridge.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the supervisor knows about each component, written to {@code run/status.tsv} on every change.
 * <p>
 * The file is the interface between the supervisor and the {@code ./bitbridge} script: {@code up} waits on it,
 * {@code status} prints it, {@code records} takes the Kafka port from it. It is tab-separated, one line per component
 * ({@code name state pid port log detail management-port}), with {@code -} for an empty field so that {@code read} in
 * bash splits it correctly. The management port came later and is last, so the first six columns keep the positions
 * that scripts reading them rely on. The supervisor's own line comes first; its state is {@code ready} only when every
 * component is.
 */
public final class StatusBoard {

    /** Lifecycle of a component as the script shows it. */
    public enum State {
        STARTING,
        READY,
        /**
         * Running, but its liveness check answers DOWN; the detail says which check and why. Restarted after three such
         * answers in a row ({@link LivenessWatch}).
         */
        UNHEALTHY,
        /** Did not start; the detail says why. */
        FAILED,
        /** Was running and ended on its own; not restarted, so a crash stays visible. */
        EXITED,
        STOPPING,
        STOPPED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record Entry(State state, long pid, int port, int managementPort, String log, String detail) {
    }

    private final LauncherHome home;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public StatusBoard(LauncherHome home) {
        this.home = home;
    }

    /**
     * Registers a component without a management port in display order, before it starts.
     *
     * @param pid its process id if known, else 0
     * @param port its main port, or 0
     */
    public void register(String name, long pid, int port) {
        register(name, pid, port, 0);
    }

    /**
     * Registers a component in display order, before it starts.
     *
     * @param pid its process id if known, else 0
     * @param port its main port, or 0
     * @param managementPort the port of its operations endpoints (health, metrics), or 0
     */
    public synchronized void register(String name, long pid, int port, int managementPort) {
        entries.put(name, new Entry(State.STARTING, pid, port, managementPort, home.logFile(logOf(name)).toString(), ""));
        write();
    }

    /** Sets a component's state and detail, keeping its pid and port. */
    public synchronized void set(String name, State state, String detail) {
        Entry e = entries.get(name);
        entries.put(name, new Entry(state, e.pid(), e.port(), e.managementPort(), e.log(), detail == null ? "" : detail));
        write();
    }

    /** Records the process id of a component once it is known. */
    public synchronized void setPid(String name, long pid) {
        Entry e = entries.get(name);
        entries.put(name, new Entry(e.state(), pid, e.port(), e.managementPort(), e.log(), e.detail()));
        write();
    }

    /** @return the current state of a component, or {@code null} if it is not registered */
    public synchronized State state(String name) {
        Entry e = entries.get(name);
        return e == null ? null : e.state();
    }

    /** @return the registered components, in display order */
    public synchronized List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** @return the table as written to the file */
    public synchronized String render() {
        StringBuilder out = new StringBuilder();
        entries.forEach((name, e) -> out.append(name).append('\t')
                .append(e.state().label()).append('\t')
                .append(e.pid() > 0 ? Long.toString(e.pid()) : "-").append('\t')
                .append(orDash(e.port())).append('\t')
                .append(e.log()).append('\t')
                .append(e.detail().isBlank() ? "-" : e.detail().replaceAll("[\\t\\r\\n]+", " ")).append('\t')
                .append(orDash(e.managementPort())).append('\n'));
        return out.toString();
    }

    private static String orDash(int port) {
        return port > 0 ? Integer.toString(port) : "-";
    }

    private void write() {
        home.writeAtomically(home.statusFile(), render());
    }

    /** The supervisor's own messages go to {@code launcher.log}; everything else has a log named after it. */
    private static String logOf(String name) {
        return Supervisor.NAME.equals(name) ? "launcher" : name;
    }
}
