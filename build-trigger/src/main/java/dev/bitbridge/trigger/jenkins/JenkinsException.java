package dev.bitbridge.trigger.jenkins;

/**
 * A call to Jenkins that did not work, and whether waiting can help: {@link #transientFailure()} for an unreachable or
 * overloaded Jenkins (retried with backoff); otherwise Jenkins refused, for a reason a person must fix — the message
 * says which, never with a secret.
 */
public class JenkinsException extends RuntimeException {

    private final int status;
    private final boolean transientFailure;

    JenkinsException(int status, boolean transientFailure, String message) {
        super(message, null, false, false);
        this.status = status;
        this.transientFailure = transientFailure;
    }

    static JenkinsException unreachable(String what, Throwable cause) {
        return new JenkinsException(0, true, what + ": Jenkins did not answer (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")");
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
