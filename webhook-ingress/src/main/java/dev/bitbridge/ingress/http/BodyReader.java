package dev.bitbridge.ingress.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Receives one request body, but only after the request was authenticated and its headers checked, and only as much
 * of it as is allowed: the size limit is enforced as the bytes stream in (chunked bodies included), every byte kept is
 * first reserved in {@link BodyMemory}, and the whole body must arrive within the body timeout.
 * <p>
 * A body with a declared length is reserved in full before the first byte is read and copied once into its final
 * array. A chunked body is reserved chunk by chunk, and once more for the final array when it is complete.
 */
final class BodyReader {

    /** What became of the body. Exactly one method is called, on the request's event loop. */
    interface Outcome {

        /** The whole body arrived. */
        void received(byte[] body);

        /** The body is refused: too large, too slow, or no memory left for it. */
        void refused(WebhookRejectedException why);

        /** The client went away before the body was complete. */
        void abandoned();
    }

    private final HttpServerRequest request;
    private final BodyMemory memory;
    private final long limit;
    private long reserved;
    private byte[] exact;
    private List<byte[]> chunks;
    private int received;
    private long timer = -1;
    private boolean finished;
    private Outcome outcome;
    private Vertx vertx;

    BodyReader(HttpServerRequest request, BodyMemory memory, long limit) {
        this.request = request;
        this.memory = memory;
        this.limit = limit;
    }

    /**
     * Starts reading.
     *
     * @param declared the declared {@code Content-Length}, at most the limit, or -1 for a chunked body
     * @param expectsContinue whether the client waits for {@code 100 Continue}, which is sent only once the body's
     *        memory is reserved
     * @param timeout how long the whole body may take
     * @param vertx for the timer
     * @param outcome told what became of the body
     */
    void read(long declared, boolean expectsContinue, Duration timeout, Vertx vertx, Outcome outcome) {
        this.outcome = outcome;
        this.vertx = vertx;
        if (declared >= 0) {
            if (!reserve(declared)) {
                refuse(overloaded());
                return;
            }
            exact = new byte[(int) declared];
        } else {
            chunks = new ArrayList<>();
        }
        if (expectsContinue) {
            request.response().writeContinue();
        }
        timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> refuse(new WebhookRejectedException(
                Rejection.REQUEST_TIMEOUT, "The body did not arrive within " + timeout.toMillis()
                        + " ms (bitbridge.ingress.body-timeout); Bitbucket sends it at once.")));
        request.handler(this::chunk);
        request.endHandler(v -> end());
        request.exceptionHandler(e -> abandon());
        request.resume();
    }

    /** Gives back the memory reserved for the body; call once its delivery has been answered. */
    void release() {
        memory.release(reserved);
        reserved = 0;
    }

    private void chunk(Buffer chunk) {
        if (finished) {
            return;
        }
        int length = chunk.length();
        if ((long) received + length > limit) {
            refuse(new WebhookRejectedException(Rejection.BODY_TOO_LARGE, BodyLimits.tooLarge(limit)));
            return;
        }
        if (exact != null) {
            if (received + length > exact.length) {
                refuse(new WebhookRejectedException(Rejection.REQUEST_MALFORMED, "The body is longer than its"
                        + " Content-Length."));
                return;
            }
            chunk.getBytes(0, length, exact, received);
        } else if (reserve(length)) {
            chunks.add(chunk.getBytes());
        } else {
            refuse(overloaded());
            return;
        }
        received += length;
    }

    private void end() {
        if (finished) {
            return;
        }
        byte[] body = exact;
        if (body == null) {
            if (!reserve(received)) {
                refuse(overloaded());
                return;
            }
            body = new byte[received];
            int at = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, body, at, chunk.length);
                at += chunk.length;
            }
            chunks = null;
        }
        finish(true);
        outcome.received(body);
    }

    private void refuse(WebhookRejectedException why) {
        if (finished) {
            return;
        }
        finish(false);
        outcome.refused(why);
    }

    private void abandon() {
        if (finished) {
            return;
        }
        finish(false);
        outcome.abandoned();
    }

    /** Stops reading; a body that ended is left as it is, so that the connection can serve the next request. */
    private void finish(boolean ended) {
        finished = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (!ended) {
            request.pause();
        }
        request.handler(null);
        request.endHandler(null);
        request.exceptionHandler(null);
    }

    private boolean reserve(long bytes) {
        if (!memory.tryReserve(bytes)) {
            return false;
        }
        reserved += bytes;
        return true;
    }

    private WebhookRejectedException overloaded() {
        return new WebhookRejectedException(Rejection.OVERLOADED, "Too many deliveries are being received at once"
                + " (bitbridge.ingress.body-memory is in use); nothing was stored. Bitbucket retries deliveries answered"
                + " with 5xx.");
    }
}
