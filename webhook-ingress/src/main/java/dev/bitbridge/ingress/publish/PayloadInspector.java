package dev.bitbridge.ingress.publish;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * Checks in one streaming pass that a webhook body is a single, well-formed JSON object (valid UTF-8 throughout,
 * nesting within Jackson's limits, no object with the same field twice, nothing after it) and finds the repository it
 * is about, for the record key and the CloudEvents subject. Streaming keeps the edge cheap: no tree of the whole
 * payload is built.
 * <p>
 * Duplicate fields are refused because readers disagree about them — Jackson's tree keeps the last, other parsers the
 * first — and a body that names one repository to the ingress and another to a consumer must not be accepted.
 * <ul>
 * <li>Cloud: {@code repository.full_name} ({@code workspace/slug}).</li>
 * <li>Data Center: {@code repository.project.key + "/" + repository.slug}; pull-request events carry no top-level
 * repository, so the target repository {@code pullRequest.toRef.repository} is used.</li>
 * </ul>
 */
public final class PayloadInspector {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final String CLOUD_NAME = "repository.full_name";
    private static final String DC_PROJECT = "repository.project.key";
    private static final String DC_SLUG = "repository.slug";
    private static final String DC_PR_PROJECT = "pullRequest.toRef.repository.project.key";
    private static final String DC_PR_SLUG = "pullRequest.toRef.repository.slug";
    private static final Set<String> WANTED = Set.of(CLOUD_NAME, DC_PROJECT, DC_SLUG, DC_PR_PROJECT, DC_PR_SLUG);
    private static final int WANTED_DEPTH = 4;

    private PayloadInspector() {
    }

    /** A body that is not one well-formed JSON object; the message says what is wrong. */
    public static final class MalformedPayloadException extends Exception {
        MalformedPayloadException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param flavor which Bitbucket sent the body
     * @param body the raw body
     * @return the repository full name, or {@code null} when the payload names none (e.g. {@code diagnostics:ping})
     * @throws MalformedPayloadException when the body is not exactly one well-formed JSON object
     */
    public static String repositoryOf(BitbucketFlavor flavor, byte[] body) throws MalformedPayloadException {
        Map<String, String> found = scan(body);
        return switch (flavor) {
            case CLOUD -> found.get(CLOUD_NAME);
            case DATACENTER -> found.containsKey(DC_PROJECT) && found.containsKey(DC_SLUG)
                    ? found.get(DC_PROJECT) + "/" + found.get(DC_SLUG)
                    : joined(found.get(DC_PR_PROJECT), found.get(DC_PR_SLUG));
        };
    }

    private static Map<String, String> scan(byte[] body) throws MalformedPayloadException {
        if (body.length == 0) {
            throw new MalformedPayloadException("The body is empty; a webhook delivery carries a JSON object.");
        }
        Map<String, String> found = new HashMap<>();
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedPayloadException("The body is JSON but not an object (it starts with "
                        + (first == null ? "nothing" : first.asString() == null ? first.name() : first.asString())
                        + "); a delivery is a JSON object.");
            }
            walk(parser, found);
            if (parser.nextToken() != null) {
                throw new MalformedPayloadException("The body has content after its JSON object; send exactly one object.");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("The body is not valid JSON: " + e.getOriginalMessage()
                    + ". Send the webhook body unchanged.");
        } catch (IOException e) {
            throw new MalformedPayloadException("The body could not be read as JSON: " + e.getMessage());
        }
        return found;
    }

    /** Reads every token of the root object, decoding every string so that invalid UTF-8 anywhere is caught. */
    private static void walk(JsonParser parser, Map<String, String> found) throws IOException, MalformedPayloadException {
        Deque<String> path = new ArrayDeque<>();
        String field = null;
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new MalformedPayloadException("The body ends before its JSON object is closed.");
            }
            switch (token) {
                case FIELD_NAME -> field = parser.currentName();
                case START_OBJECT, START_ARRAY -> {
                    path.addLast(field == null ? "[]" : field);
                    field = null;
                    depth++;
                }
                case END_OBJECT, END_ARRAY -> {
                    path.pollLast();
                    depth--;
                    field = null;
                }
                case VALUE_STRING -> {
                    parser.getTextCharacters();
                    if (field != null && path.size() <= WANTED_DEPTH) {
                        capture(path, field, parser, found);
                    }
                    field = null;
                }
                default -> field = null;
            }
        }
    }

    private static void capture(Deque<String> path, String field, JsonParser parser, Map<String, String> found)
            throws IOException {
        String key = path.isEmpty() ? field : String.join(".", path) + "." + field;
        // Names may contain dots: {"repository.full_name": ...} must not pass for the path repository.full_name, so
        // a wanted key counts only when its dots are exactly the joins between its names.
        if (WANTED.contains(key) && key.chars().filter(c -> c == '.').count() == path.size()) {
            String value = parser.getText();
            if (!value.isBlank()) {
                found.put(key, value);
            }
        }
    }

    private static String joined(String project, String slug) {
        return project == null || slug == null ? null : project + "/" + slug;
    }
}
