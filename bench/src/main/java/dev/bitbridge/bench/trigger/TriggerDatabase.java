package dev.bitbridge.bench.trigger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** build-trigger's database as the harness reads it: how many builds are in each state, and when each was stored and taken. */
public final class TriggerDatabase {

    /** States build-trigger still acts on; the others (SUCCESSFUL, FAILED, STOPPED) are final. */
    static final java.util.Set<String> ACTIVE = java.util.Set.of("PENDING", "DISPATCHING", "QUEUED", "INPROGRESS");

    private final String jdbcUrl;

    /** @param jdbcUrl the database, e.g. {@code jdbc:postgresql://localhost:1234/bitbridge_trigger} */
    public TriggerDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** @return builds by state */
    public Map<String, Long> states() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select state, count(*) from build group by state")) {
            Map<String, Long> out = new TreeMap<>();
            while (r.next()) {
                out.put(r.getString(1), r.getLong(2));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read build-trigger's builds: " + e.getMessage(), e);
        }
    }

    /**
     * When build-trigger stored a build and when a dispatch pass took it.
     *
     * @param storedMillis {@code created_at}: the request stored (its consumer's transaction)
     * @param claimedMillis {@code dispatch_started_at}: taken by a dispatch pass and marked DISPATCHING, or
     *        {@code null}
     */
    public record Stamps(long storedMillis, Long claimedMillis) {
    }

    /** @return the stamps of the builds stored since {@code sinceMillis}, by commit */
    public Map<String, Stamps> stampsSince(long sinceMillis) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("select commit_hash, created_at, dispatch_started_at from "
                        + "build where created_at >= ?")) {
            s.setTimestamp(1, new Timestamp(sinceMillis));
            Map<String, Stamps> out = new HashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Timestamp claimed = r.getTimestamp(3);
                    out.put(r.getString(1), new Stamps(r.getTimestamp(2).getTime(),
                            claimed == null ? null : claimed.getTime()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read build-trigger's builds: " + e.getMessage(), e);
        }
    }

    /** @return builds that are not final, in {@code states} */
    static long active(Map<String, Long> states) {
        return states.entrySet().stream().filter(e -> ACTIVE.contains(e.getKey())).mapToLong(Map.Entry::getValue)
                .sum();
    }
}
