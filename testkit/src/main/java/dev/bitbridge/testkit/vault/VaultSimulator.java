package dev.bitbridge.testkit.vault;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A HashiCorp Vault server, as far as KV version 2 and token authentication go, following the documented HTTP API
 * (https://developer.hashicorp.com/vault/api-docs): the token in {@code X-Vault-Token} (or {@code Authorization:
 * Bearer}), a 403 {@code {"errors":["permission denied"]}} without a valid one, 404 {@code {"errors":[]}} for a missing
 * secret, {@code /v1/sys/health} without a token and {@code /v1/auth/token/lookup-self}. Engines are KV v2 mounts given
 * at construction; any other route is a 404 as Vault answers it.
 */
public final class VaultSimulator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final HttpServer server;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Map<String, KvV2Engine> engines = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    /**
     * Starts a simulator on a free localhost port.
     *
     * @param token the token that is accepted (Vault's root token in dev mode)
     * @param kvV2Mounts mount paths of KV version 2 engines, e.g. {@code secret}
     */
    public VaultSimulator(String token, String... kvV2Mounts) {
        tokens.add(token);
        for (String mount : kvV2Mounts) {
            engines.put(mount, new KvV2Engine());
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("The Vault simulator could not listen", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** @return the address to give as {@code quarkus.vault.url} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes {@code token} invalid, as {@code vault token revoke} does. */
    public void revoke(String token) {
        tokens.remove(token);
    }

    /** Makes {@code token} valid. */
    public void accept(String token) {
        tokens.add(token);
    }

    /** @return every request received so far, as {@code METHOD /path?query} */
    public List<String> requests() {
        return Collections.unmodifiableList(new ArrayList<>(requests));
    }

    /** @return the data of the latest version of the secret at {@code path} of {@code mount}, or null */
    public Map<String, Object> latest(String mount, String path) {
        return engines.get(mount).latest(path);
    }

    /** @return how many versions the secret at {@code path} of {@code mount} holds, deleted ones included */
    public int versions(String mount, String path) {
        return engines.get(mount).versions(path);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(method + " " + path + (query == null ? "" : "?" + query));
            byte[] body = exchange.getRequestBody().readAllBytes();
            VaultReply reply;
            try {
                reply = route(exchange, method, path, query, body);
            } catch (JsonProcessingException e) {
                reply = VaultReply.errors(400, "failed to parse JSON input: " + e.getOriginalMessage());
            }
            send(exchange, reply);
        }
    }

    private VaultReply route(HttpExchange exchange, String method, String path, String query, byte[] body)
            throws IOException {
        if (path.equals("/v1/sys/health")) {
            return VaultReply.ok(Map.of("initialized", true, "sealed", false, "standby", false,
                    "performance_standby", false, "replication_performance_mode", "disabled",
                    "replication_dr_mode", "disabled", "server_time_utc", System.currentTimeMillis() / 1000,
                    "version", "1.19.0", "cluster_name", "vault-simulator", "cluster_id", "simulator"));
        }
        String token = token(exchange);
        if (token == null || !tokens.contains(token)) {
            return VaultReply.errors(403, "permission denied");
        }
        if (path.equals("/v1/auth/token/lookup-self") && method.equals("GET")) {
            return VaultReply.ok(Map.of("data", Map.of("id", token, "policies", List.of("root"), "ttl", 0,
                    "renewable", false, "display_name", "token", "type", "service")));
        }
        for (Map.Entry<String, KvV2Engine> engine : engines.entrySet()) {
            String data = "/v1/" + engine.getKey() + "/data/";
            String metadata = "/v1/" + engine.getKey() + "/metadata/";
            if (path.startsWith(data) && path.length() > data.length()) {
                return data(engine.getValue(), method, path.substring(data.length()), query, body);
            }
            if (path.startsWith(metadata) && path.length() > metadata.length()) {
                return metadata(engine.getValue(), method, path.substring(metadata.length()));
            }
        }
        return VaultReply.errors(404, "no handler for route \"" + path.substring(Math.min(path.length(), 4))
                + "\". route entry not found.");
    }

    private static VaultReply data(KvV2Engine engine, String method, String secret, String query, byte[] body)
            throws IOException {
        return switch (method) {
            case "GET" -> engine.read(secret, version(query));
            case "POST", "PUT" -> engine.write(secret, body.length == 0 ? Map.of() : JSON.readValue(body, OBJECT));
            case "DELETE" -> engine.deleteLatest(secret);
            default -> VaultReply.errors(405, "1 error occurred:\n\t* unsupported operation\n\n");
        };
    }

    private static VaultReply metadata(KvV2Engine engine, String method, String secret) {
        return switch (method) {
            case "GET" -> engine.readMetadata(secret);
            case "DELETE" -> engine.deleteAll(secret);
            default -> VaultReply.errors(405, "1 error occurred:\n\t* unsupported operation\n\n");
        };
    }

    private static String token(HttpExchange exchange) {
        String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (token == null && authorization != null && authorization.startsWith("Bearer ")) {
            token = authorization.substring("Bearer ".length());
        }
        return token;
    }

    private static Integer version(String query) {
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("version=")) {
                try {
                    return Integer.valueOf(parameter.substring("version=".length()));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, VaultReply reply) throws IOException {
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] json = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}
