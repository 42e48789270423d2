package dev.bitbridge.ingress.auth;

/** Which of an integration's tokens a delivery presented; it decides which secrets may sign it. */
public enum TokenMatch {

    /** The current token: signed, if at all, with the current secret. */
    CURRENT,

    /** The token from before a rotation, while its grace period lasts: signed with the current or the previous secret. */
    PREVIOUS,

    /** No token of the integration (or no such integration). */
    NONE
}
