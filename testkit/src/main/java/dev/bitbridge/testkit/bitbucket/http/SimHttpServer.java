package dev.bitbridge.testkit.bitbucket.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/** The JDK HTTP(S) server the simulator answers on, bound to 127.0.0.1. */
public final class SimHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final String origin;

    /**
     * @param port the port, 0 for any free one
     * @param tls the certificate to serve HTTPS with, or {@code null} for HTTP
     * @param handler answers each request
     */
    public SimHttpServer(int port, SelfSignedCertificate tls, Function<SimRequest, SimResponse> handler) {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            if (tls == null) {
                server = HttpServer.create(address, 0);
            } else {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not bind the simulator to port " + port, e);
        }
        origin = (tls == null ? "http" : "https") + "://127.0.0.1:" + server.getAddress().getPort();
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bitbucket-sim-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, handler));
        server.start();
    }

    /** @return {@code http://127.0.0.1:PORT} or {@code https://...} */
    public String origin() {
        return origin;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange, Function<SimRequest, SimResponse> handler) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            SimResponse response;
            try {
                response = handler.apply(new SimRequest(exchange.getRequestMethod(), exchange.getRequestURI(),
                        exchange.getRequestHeaders(), body, origin));
            } catch (RuntimeException e) {
                response = SimResponse.text(500, "Simulator failure: " + e);
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            byte[] out = response.body();
            boolean noBody = out.length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : out.length);
            if (!noBody) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(out);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
