package dev.bitbridge.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PushPayloadsTest {

    @Test
    void generatedPushIsTheSizeOfARealOne() {
        PayloadSet set = PushPayloads.load(Path.of("does-not-exist"), PushPayloads.GENERATED, 3);

        assertEquals(3, set.payloads().size());
        for (WebhookPayload payload : set.payloads()) {
            assertTrue(payload.body().length >= 5_000 && payload.body().length <= 15_000,
                    "size " + payload.body().length);
            assertEquals(payload.repositoryFullName(), PushPayloads.repositoryFullName(payload.body()));
            String text = new String(payload.body(), StandardCharsets.UTF_8);
            assertTrue(text.contains("\"push\":{\"changes\":[{"), text);
        }
        assertArrayEquals(GeneratedPush.body("a/b"), GeneratedPush.body("a/b"));
    }

    @Test
    void fallsBackToAGeneratedPushWhenTheFixtureIsMissing() {
        PayloadSet set = PushPayloads.load(Path.of("does-not-exist"), "cloud/push.json", 1);

        assertTrue(set.origin().startsWith("generated"), set.origin());
    }

    @Test
    void spreadsOneBodyOverRepositoriesKeepingTheFirstUnchanged() {
        byte[] body = """
                {"push": {"changes": []},
                 "repository": {"full_name": "ws/repo", "links": {"html": {"href": "https://bitbucket.org/ws/repo"}}},
                 "other": {"full_name":"ws/repo-x"}}"""
                .getBytes(StandardCharsets.UTF_8);

        PayloadSet set = PushPayloads.fromBody("test", body, 3);

        assertArrayEquals(body, set.get(0).body());
        assertEquals("ws/repo", set.get(0).repositoryFullName());
        assertEquals("ws/repo-1", set.get(1).repositoryFullName());
        assertEquals("ws/repo-2", PushPayloads.repositoryFullName(set.get(2).body()));
        assertFalse(new String(set.get(2).body(), StandardCharsets.UTF_8).contains("ws/repo-x-2"));
        assertEquals("ws/repo", set.get(3).repositoryFullName(), "cycles");
    }
}
