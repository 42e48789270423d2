package dev.bitbridge.ingress.http;

/** A delivery the edge refuses; becomes a small JSON error answer. Carries no stack trace: it is not a fault. */
public final class WebhookRejectedException extends RuntimeException {

    private final Rejection rejection;

    /**
     * @param rejection what kind of refusal
     * @param detail what is wrong and what to do about it, for the person reading Bitbucket's delivery log
     */
    public WebhookRejectedException(Rejection rejection, String detail) {
        super(detail, null, false, false);
        this.rejection = rejection;
    }

    /** @return what kind of refusal */
    public Rejection rejection() {
        return rejection;
    }
}
