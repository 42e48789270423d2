package dev.bitbridge.connector.support;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.events.scm.PullRequestEvent;
import dev.bitbridge.events.scm.RefChangeEvent;
import dev.bitbridge.testkit.TopicScanner;

/**
 * The enriched events of one integration, as a {@code read_committed} consumer of Bitbridge's topics sees them now,
 * in topic order.
 */
public final class Enriched {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final TopicScanner TOPICS = TopicScanner.ofSharedKafka();

    private Enriched() {
    }

    public static List<RefChangeEvent> refs(String integration) {
        return read(Topics.REFS_V1, integration, null, RefChangeEvent.class);
    }

    /** @return every commit record, new ones and file completions */
    public static List<CommitEvent> commits(String integration) {
        return read(Topics.COMMITS_V1, integration, null, CommitEvent.class);
    }

    /** @return the commit records of one CloudEvents type ({@link CommitEvent#TYPE_NEW}, {@link CommitEvent#TYPE_FILES}) */
    public static List<CommitEvent> commits(String integration, String type) {
        return read(Topics.COMMITS_V1, integration, type, CommitEvent.class);
    }

    public static List<PullRequestEvent> pullRequests(String integration) {
        return read(Topics.PULLREQUESTS_V1, integration, null, PullRequestEvent.class);
    }

    private static <T> List<T> read(String topic, String integration, String type, Class<T> as) {
        return TOPICS.readCommitted(topic).stream()
                .filter(r -> r.key() != null && r.key().startsWith(integration + ":"))
                .filter(r -> type == null || type.equals(TopicScanner.header(r, CloudEvents.HEADER_TYPE)))
                .map(r -> {
                    try {
                        return JSON.readValue(r.value(), as);
                    } catch (IOException e) {
                        throw new AssertionError("Unreadable record on " + topic, e);
                    }
                }).toList();
    }
}
