package dev.bitbridge.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Local ports for servers that tests and the benchmark start. */
public final class FreePorts {

    private FreePorts() {
    }

    /** @return a TCP port that was free on this machine a moment ago */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }
}
