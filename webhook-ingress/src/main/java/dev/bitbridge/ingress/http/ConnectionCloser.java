package dev.bitbridge.ingress.http;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Ends a response whose request body was not (fully) read — a refusal before or while the body streams in — without
 * reading that body: the answer says {@code Connection: close}, and the connection is closed once the answer is out.
 * <p>
 * Closing with unread data in the socket makes the kernel send a reset, which can destroy the answer before the client
 * reads it. So, like a web server's "lingering close", some of the rest is read and discarded first — never buffered,
 * and bounded in bytes and in time ({@value #LINGER_MILLIS} ms): {@value #UNAUTHENTICATED_LINGER_BYTES} bytes for a
 * request refused before it was authenticated, which must cost almost nothing, and
 * {@value #AUTHENTICATED_LINGER_BYTES} bytes once the token was valid, so that Bitbucket's delivery log shows an
 * oversized delivery's 413 instead of a connection reset.
 */
@ApplicationScoped
public class ConnectionCloser {

    static final long UNAUTHENTICATED_LINGER_BYTES = 256 * 1024;
    static final long AUTHENTICATED_LINGER_BYTES = 16 * 1024 * 1024;
    static final long LINGER_MILLIS = 2000;

    private final Vertx vertx;

    ConnectionCloser(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Sends the answer; closes the connection afterwards when the request body was not read to its end.
     *
     * @param authenticated whether the request presented a valid token, which allows a longer lingering close
     */
    void end(HttpServerRequest request, Buffer answer, boolean authenticated) {
        if (request.isEnded()) {
            request.response().end(answer);
            return;
        }
        request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        long lingerBytes = authenticated ? AUTHENTICATED_LINGER_BYTES : UNAUTHENTICATED_LINGER_BYTES;
        request.response().end(answer).onComplete(written -> linger(request, lingerBytes));
    }

    private void linger(HttpServerRequest request, long lingerBytes) {
        new Lingering(request, lingerBytes).start();
    }

    /** Reads and drops what a client still sends, then closes: at the body's end, past the byte limit, or on time. */
    private final class Lingering {

        private final HttpServerRequest request;
        private final long limit;
        private long discarded;
        private long timer;
        private boolean closed;

        Lingering(HttpServerRequest request, long limit) {
            this.request = request;
            this.limit = limit;
        }

        void start() {
            if (request.isEnded()) {
                // The rest of the body arrived while the answer was written (a ping answered before its body): there
                // is nothing left to read, and a handler set now would throw.
                closed = true;
                request.connection().close();
                return;
            }
            timer = vertx.setTimer(LINGER_MILLIS, id -> close());
            request.handler(chunk -> {
                discarded += chunk.length();
                if (discarded > limit) {
                    close();
                }
            });
            request.endHandler(v -> close());
            request.exceptionHandler(e -> vertx.cancelTimer(timer));
            request.resume();
        }

        private void close() {
            if (!closed) {
                closed = true;
                vertx.cancelTimer(timer);
                request.connection().close();
            }
        }
    }
}
