package dev.bitbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the {@code repo:push} body to send: a real Bitbucket Cloud capture from the shared fixtures when present,
 * else a generated one of the same shape and size ({@link GeneratedPush}). Fixtures are read in place, never copied.
 * <p>
 * To spread records over partitions as real traffic does, the body is repeated for several repositories: copy
 * {@code i} names {@code <full_name>-i} wherever the original names its repository's {@code full_name}.
 */
public final class PushPayloads {

    /** The value of {@code --payload} that skips the fixtures. */
    public static final String GENERATED = "generated";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PushPayloads() {
    }

    /**
     * @param fixtures the shared fixtures directory
     * @param payload a file under {@code fixtures}, an absolute path, or {@link #GENERATED}
     * @param repositories how many repositories to spread the bodies over
     * @return the bodies
     */
    public static PayloadSet load(Path fixtures, String payload, int repositories) {
        if (GENERATED.equals(payload)) {
            return generated(repositories, "generated");
        }
        Path given = Path.of(payload);
        Path file = given.isAbsolute() ? given : fixtures.resolve(given);
        if (!Files.isRegularFile(file)) {
            if (given.isAbsolute()) {
                throw new IllegalArgumentException("Payload file " + file + " does not exist");
            }
            return generated(repositories, "generated (fixture " + file.normalize() + " not found)");
        }
        try {
            return fromBody(file.normalize().toString(), Files.readAllBytes(file), repositories);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read payload " + file, e);
        }
    }

    /**
     * @param origin what to call the body's source in the summary
     * @param body a push body naming a {@code repository.full_name}
     * @param repositories how many repositories to spread the body over
     * @return the body unchanged as the first payload, renamed copies after it
     */
    public static PayloadSet fromBody(String origin, byte[] body, int repositories) {
        String fullName = repositoryFullName(body);
        String text = new String(body, StandardCharsets.UTF_8);
        Pattern occurrence = Pattern.compile("(\"full_name\"\\s*:\\s*\")" + Pattern.quote(fullName) + "(\")");
        List<WebhookPayload> payloads = new ArrayList<>(repositories);
        payloads.add(new WebhookPayload(body, fullName));
        for (int i = 1; i < repositories; i++) {
            String renamed = fullName + "-" + i;
            byte[] copy = occurrence.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(renamed) + "$2")
                    .getBytes(StandardCharsets.UTF_8);
            String named = repositoryFullName(copy);
            if (!named.equals(renamed)) {
                throw new IllegalStateException("Renaming the repository of " + origin + " failed: got " + named);
            }
            payloads.add(new WebhookPayload(copy, renamed));
        }
        return new PayloadSet(origin, payloads);
    }

    /**
     * @param body a Bitbucket Cloud webhook body
     * @return its {@code repository.full_name}
     * @throws IllegalArgumentException when the body is not JSON or names no repository
     */
    public static String repositoryFullName(byte[] body) {
        try {
            JsonNode name = JSON.readTree(body).path("repository").path("full_name");
            if (!name.isTextual() || name.asText().isEmpty()) {
                throw new IllegalArgumentException("The payload has no repository.full_name");
            }
            return name.asText();
        } catch (IOException e) {
            throw new IllegalArgumentException("The payload is not JSON: " + e.getMessage(), e);
        }
    }

    private static PayloadSet generated(int repositories, String origin) {
        List<WebhookPayload> payloads = new ArrayList<>(repositories);
        for (int i = 0; i < repositories; i++) {
            String fullName = "bitbridge-bench/service-" + i;
            payloads.add(new WebhookPayload(GeneratedPush.body(fullName), fullName));
        }
        return new PayloadSet(origin, payloads);
    }
}
