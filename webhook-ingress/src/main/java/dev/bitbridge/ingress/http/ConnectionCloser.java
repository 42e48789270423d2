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
 * reads it. So, like a web server's "lingering close", up to {@value #LINGER_BYTES} bytes or {@value #LINGER_MILLIS} ms
 * of the rest are read and discarded first — a bounded cost, never buffered.
 */
@ApplicationScoped
public class ConnectionCloser {

    static final long LINGER_BYTES = 256 * 1024;
    static final long LINGER_MILLIS = 2000;

    private final Vertx vertx;

    ConnectionCloser(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Sends the answer; closes the connection afterwards when the request body was not read to its end. */
    void end(HttpServerRequest request, Buffer answer) {
        if (request.isEnded()) {
            request.response().end(answer);
            return;
        }
        request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        request.response().end(answer).onComplete(written -> linger(request));
    }

    private void linger(HttpServerRequest request) {
        Runnable close = new Runnable() {
            private boolean closed;

            @Override
            public void run() {
                if (!closed) {
                    closed = true;
                    request.connection().close();
                }
            }
        };
        long timer = vertx.setTimer(LINGER_MILLIS, id -> close.run());
        long[] discarded = { 0 };
        request.handler(chunk -> {
            discarded[0] += chunk.length();
            if (discarded[0] > LINGER_BYTES) {
                vertx.cancelTimer(timer);
                close.run();
            }
        });
        request.endHandler(v -> {
            vertx.cancelTimer(timer);
            close.run();
        });
        request.exceptionHandler(e -> vertx.cancelTimer(timer));
        request.resume();
    }
}
