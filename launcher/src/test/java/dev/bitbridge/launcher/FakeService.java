package dev.bitbridge.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Quarkus service with its management interface in {@link ServiceProcessTest}. Like the real one, it
 * listens on two ports: on {@code quarkus.http.port} it shows a system property at {@code /property?name} and exits
 * with code 3 at {@code /exit}, and has no {@code /q/health}; on {@code quarkus.management.port}, bound to
 * {@code quarkus.management.host}, it is ready at {@code /q/health/ready}. With {@code fake.exit-at-start=<code>} it
 * exits at once with that code, before it is ever ready.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        String exitAtStart = System.getProperty("fake.exit-at-start");
        if (exitAtStart != null) {
            System.exit(Integer.parseInt(exitAtStart));
        }
        HttpServer app = HttpServer.create(new InetSocketAddress(Integer.getInteger("quarkus.http.port")), 0);
        app.createContext("/property",
                exchange -> answer(exchange, String.valueOf(System.getProperty(exchange.getRequestURI().getQuery()))));
        app.createContext("/exit", exchange -> {
            answer(exchange, "bye");
            System.exit(3);
        });
        HttpServer management = HttpServer.create(new InetSocketAddress(System.getProperty("quarkus.management.host"),
                Integer.getInteger("quarkus.management.port")), 0);
        management.createContext("/q/health/ready", exchange -> answer(exchange, "{\"status\":\"UP\"}"));
        app.start();
        management.start();
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
