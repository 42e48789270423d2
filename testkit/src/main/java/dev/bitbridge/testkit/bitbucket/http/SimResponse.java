package dev.bitbridge.testkit.bitbucket.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** An answer of the simulator: status, headers, body. */
public final class SimResponse {

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;

    private SimResponse(int status, byte[] body, String contentType) {
        this.status = status;
        this.body = body;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    public static SimResponse json(int status, JsonNode body) {
        return new SimResponse(status, Json.bytes(body), "application/json");
    }

    public static SimResponse text(int status, String body) {
        return new SimResponse(status, body.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    public static SimResponse empty(int status) {
        return new SimResponse(status, new byte[0], null);
    }

    /** @return this, with the header set */
    public SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }
}
