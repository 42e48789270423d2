package dev.bitbridge.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Quarkus service in {@link ServiceProcessTest}: listens on {@code quarkus.http.port}, is ready at
 * {@code /q/health/ready}, shows a system property at {@code /property?name}, and exits with code 3 at {@code /exit}.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(
                new InetSocketAddress(Integer.parseInt(System.getProperty("quarkus.http.port"))), 0);
        server.createContext("/q/health/ready", exchange -> answer(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/property",
                exchange -> answer(exchange, String.valueOf(System.getProperty(exchange.getRequestURI().getQuery()))));
        server.createContext("/exit", exchange -> {
            answer(exchange, "bye");
            System.exit(3);
        });
        server.start();
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
