package dev.bitbridge.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand on a socket, the way an attacker sends it: headers and the start of a body that never
 * ends, a body far over a limit, chunks that keep coming. Reads back only the status line, so that a test can tell
 * whether the server answered without waiting for the rest.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** Connects to {@code 127.0.0.1:port}; reads time out after ten seconds. */
    public static RawHttp open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        return new RawHttp(socket);
    }

    /** Writes the text as it is (ASCII), without waiting for an answer. */
    public RawHttp send(String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return this;
    }

    /**
     * Writes {@code count} chunks of 64 KiB of spaces, stopping quietly if the server closes the connection (it may,
     * once it has answered).
     */
    public RawHttp sendChunks(int count) throws IOException {
        byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < count; i++) {
                out.write(chunk);
            }
            out.flush();
        } catch (SocketException closed) {
            // answered and closed
        }
        return this;
    }

    /** @return the answer's status line, e.g. {@code HTTP/1.1 401 Unauthorized} */
    public String statusLine() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).trim();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
