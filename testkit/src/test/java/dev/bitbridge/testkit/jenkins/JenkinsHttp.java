package dev.bitbridge.testkit.jenkins;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A JDK HttpClient that does not follow redirects, with one caller's credentials, for the simulator tests. */
final class JenkinsHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();

    record Answer(int status, String body, HttpResponse<String> raw) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** @return the queue id at the end of the {@code Location} path, as a client should read it */
        long queueId() {
            String[] parts = URI.create(header("Location")).getPath().split("/");
            return Long.parseLong(parts[parts.length - 1]);
        }
    }

    private final String base;
    private final String authorization;
    private final Map<String, String> headers = new LinkedHashMap<>();

    JenkinsHttp(String base, String user, String secret) {
        this.base = base;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8));
    }

    static JenkinsHttp as(JenkinsSimulator jenkins, String user, String secret) {
        return new JenkinsHttp(jenkins.url(), user, secret);
    }

    static JenkinsHttp anonymous(JenkinsSimulator jenkins) {
        return new JenkinsHttp(jenkins.url(), null, null);
    }

    /** @return this client, sending the header with every request from now on */
    JenkinsHttp with(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Fetches a crumb and keeps it and its session cookie for later requests. @return this */
    JenkinsHttp withCrumb() {
        Answer crumb = get("/crumbIssuer/api/json");
        if (crumb.status() != 200) {
            throw new AssertionError("No crumb: " + crumb.status() + " " + crumb.body());
        }
        String cookie = crumb.header("Set-Cookie");
        with("Cookie", cookie.substring(0, cookie.indexOf(';')));
        return with(crumb.json().get("crumbRequestField").asText(), crumb.json().get("crumb").asText());
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path) {
        return send("POST", path, null);
    }

    /** POSTs an {@code application/x-www-form-urlencoded} body. */
    Answer postForm(String path, String form) {
        return send("POST", path, form);
    }

    private Answer send(String method, String path, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, form == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
