package dev.bitbridge.trigger.jenkins;

/**
 * A call to Jenkins that did not work, and whether waiting can help: {@link #transientFailure()} for an unreachable or
 * overloaded Jenkins (retried with backoff); otherwise Jenkins refused, for a reason a person must fix — the message
 * says which, never with a secret.
 */
public class JenkinsException extends RuntimeException {

    private final int status;
    private final boolean transientFailure;
    private final boolean notConnected;

    JenkinsException(int status, boolean transientFailure, String message) {
        this(status, transientFailure, message, false);
    }

    private JenkinsException(int status, boolean transientFailure, String message, boolean notConnected) {
        super(message, null, false, false);
        this.status = status;
        this.transientFailure = transientFailure;
        this.notConnected = notConnected;
    }

    static JenkinsException unreachable(String what, Throwable cause) {
        boolean notConnected = false;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            notConnected |= t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException;
        }
        return new JenkinsException(0, true, what + ": Jenkins did not answer (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")", notConnected);
    }

    /**
     * @return whether the request certainly did not take effect: no connection was made (refused, unknown host, connect
     *         timeout), or 429 — unlike a timeout or a 502, 503 or 504, after which a POST may have been served (a
     *         proxy in front of Jenkins answers 503 when the upstream reset the stream, possibly after taking the POST)
     */
    public boolean notReceived() {
        return notConnected || status == 429;
    }

    /** @return the HTTP status, 0 when Jenkins did not answer */
    public int status() {
        return status;
    }

    /** @return whether trying again later may work */
    public boolean transientFailure() {
        return transientFailure;
    }
}
