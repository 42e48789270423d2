package dev.bitbridge.connector.enrichment.payload;

import java.util.Locale;
import java.util.Objects;

/**
 * A webhook body that cannot be read: not JSON, not an object, or without a part enrichment needs. The message names
 * the JSON path (e.g. {@code $.push.changes[1].new.target.hash: missing}) and is meant for a dead-letter reason; it
 * quotes no body content.
 */
public final class ReadFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What is wrong at {@link #path()}. */
    public enum Problem {
        /** The body is not JSON at all. */
        NOT_JSON,
        /** The value has the wrong type or an unknown value. */
        INVALID,
        /** A required part is absent or null. */
        MISSING;

        /** @return e.g. {@code not_json} */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Problem problem;
    private final String path;
    private final String detail;

    /**
     * @param problem what is wrong
     * @param path the JSON path, {@code $} for the body
     * @param detail what was expected, in a few words; never body content
     */
    public ReadFailure(Problem problem, String path, String detail) {
        super(path + ": " + detail, null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.path = Objects.requireNonNull(path, "path");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    static ReadFailure missing(String path) {
        return new ReadFailure(Problem.MISSING, path, "missing");
    }

    static ReadFailure invalid(String path, String detail) {
        return new ReadFailure(Problem.INVALID, path, detail);
    }

    public Problem problem() {
        return problem;
    }

    /** @return the JSON path of the offending part, e.g. {@code $.repository.full_name}; {@code $} for the body */
    public String path() {
        return path;
    }

    /** @return what was wrong there, e.g. {@code missing} or {@code expected an array} */
    public String detail() {
        return detail;
    }
}
