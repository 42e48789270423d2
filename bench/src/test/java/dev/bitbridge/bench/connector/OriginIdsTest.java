package dev.bitbridge.bench.connector;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OriginIdsTest {

    @Test
    void readsTheRawEventIdOfAnEnrichedEventWhereverOriginIs() {
        assertEquals("5d1f-raw", OriginIds.of(bytes("""
                {"integration": "bench", "newCommits": ["a", "b"], "actor": {"origin": "not this one"},
                 "origin": {"eventKey": "repo:push", "eventId": "5d1f-raw", "receivedAt": "2026-11-23T00:00:00Z"},
                 "ref": "main"}""")));
        assertEquals("x", OriginIds.of(bytes("{\"origin\": {\"eventId\": \"x\"}}")));
    }

    @Test
    void isNullWithoutAnOriginOrForSomethingElse() {
        assertNull(OriginIds.of(bytes("{\"ref\": \"main\"}")));
        assertNull(OriginIds.of(bytes("{\"origin\": {\"eventKey\": \"repo:push\"}}")));
        assertNull(OriginIds.of(bytes("{\"origin\": \"raw\"}")));
        assertNull(OriginIds.of(bytes("[1, 2]")));
        assertNull(OriginIds.of(bytes("not json")));
        assertNull(OriginIds.of(new byte[0]));
        assertNull(OriginIds.of(null));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
