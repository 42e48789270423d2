package dev.bitbridge.connector.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.bitbridge.connector.support.Api;
import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.testkit.PostgresTestResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API port as an attacker sees it: a request without a credential is refused before its body is read, and a
 * body over the limit is refused without being stored.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
class PublicPortTest {

    @Test
    void anUnauthenticatedRequestIsRefusedBeforeItsBodyArrives() throws IOException {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            // Headers and the first chunk of a body that never ends: answered without waiting for the rest.
            out.write(("POST /api/v1/integrations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"na\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void aForgedTokenIsRefusedBeforeItsBodyArrives() throws IOException {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/integrations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer not-the-admin-token-0123456789abcdef\r\nContent-Length: 900000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedUnread() throws IOException {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/integrations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + Api.ADMIN_TOKEN + "\r\nContent-Length: 5000000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aChunkedBodyGrowingOverTheLimitIsRefused() throws IOException {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/integrations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + Api.ADMIN_TOKEN + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 20; i++) { // 1.25 MiB, over the 1 MiB limit
                    out.write(chunk);
                }
                out.flush();
            } catch (SocketException closed) {
                // The server may close the connection once it has answered.
            }
            assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsNotReportedAsAnInternalError() throws IOException {
        java.nio.file.Path log = java.nio.file.Path.of("target/bitbucket-connector-test.log");
        long before = java.nio.file.Files.size(log);
        aChunkedBodyGrowingOverTheLimitIsRefused();
        RestAssured.given().get("/api/v1/integrations").then().statusCode(401); // a later line: the log has caught up
        String written = java.nio.file.Files.readString(log, StandardCharsets.UTF_8).substring((int) before);
        assertThat(written).doesNotContain("failed unexpectedly").doesNotContain("Request too large")
                .doesNotContain(" ERROR ");
    }

    private static Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String statusLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).trim();
    }
}
