package dev.bitbridge.connector.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

import dev.bitbridge.connector.support.Api;
import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.testkit.PostgresTestResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that stops sending cannot hold a connection to the API port: an idle connection, half-sent headers and a
 * body that stops coming are closed after the idle timeout (65 s by default; 2 s here, so that the test is short).
 */
@QuarkusTest
@TestProfile(IdleConnectionsTest.ShortIdleTimeout.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
class IdleConnectionsTest {

    /** The idle timeout shortened to 2 s. */
    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2S");
        }
    }

    /** Well past the 2 s idle timeout, well before the socket's own 30 s read timeout. */
    private static final int WITHIN_MS = 8_000;

    @Test
    void aConnectionThatSendsNothingIsClosed() throws IOException {
        try (Socket socket = open()) {
            assertThat(closedByServer(socket)).isTrue();
        }
    }

    @Test
    void aConnectionThatStopsInTheMiddleOfItsHeadersIsClosed() throws IOException {
        try (Socket socket = open()) {
            send(socket, "GET /api/v1/integrations HTTP/1.1\r\nHost: localhost\r\nAuthoriza");
            assertThat(closedByServer(socket)).isTrue();
        }
    }

    @Test
    void anAuthenticatedBodyThatStopsComingIsClosed() throws IOException {
        try (Socket socket = open()) {
            send(socket, "POST /api/v1/integrations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + Api.ADMIN_TOKEN + "\r\nContent-Length: 400\r\n\r\n{\"name\": ");
            assertThat(closedByServer(socket)).isTrue();
        }
    }

    private static Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        socket.setSoTimeout(WITHIN_MS);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** @return whether the server closed the connection (end of stream or reset) before the read timed out */
    private static boolean closedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (in.read() != -1) {
                // An answer (e.g. 408) may come first; the close is what counts.
            }
            return true;
        } catch (SocketException reset) {
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }
}
