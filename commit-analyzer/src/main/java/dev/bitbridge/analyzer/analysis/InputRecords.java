package dev.bitbridge.analyzer.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.events.scm.PullRequestEvent;
import dev.bitbridge.events.scm.RefChangeEvent;

/**
 * Reads the connector's records, and refuses what the analysis cannot use with a reason: a value that is not the
 * topic's JSON, or one missing what every record of the topic has (integration, repository, and the event's own
 * identity).
 */
@ApplicationScoped
public class InputRecords {

    private final ObjectMapper json;

    /** Fields a later v1 adds are ignored here, whatever the API's strictness: the contract only ever grows. */
    InputRecords(ObjectMapper json) {
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    CommitEvent commit(ConsumerRecord<String, byte[]> record) throws UnreadableRecord {
        CommitEvent commit = read(record, CommitEvent.class);
        require(record, commit.integration(), "integration");
        require(record, commit.repository() == null ? null : commit.repository().fullName(), "repository.fullName");
        require(record, commit.hash(), "hash");
        require(record, commit.origin() == null ? null : commit.origin().eventId(), "origin.eventId");
        return commit;
    }

    RefChangeEvent ref(ConsumerRecord<String, byte[]> record) throws UnreadableRecord {
        RefChangeEvent ref = read(record, RefChangeEvent.class);
        require(record, ref.integration(), "integration");
        require(record, ref.repository() == null ? null : ref.repository().fullName(), "repository.fullName");
        require(record, ref.ref(), "ref");
        require(record, ref.refType(), "refType");
        require(record, ref.change(), "change");
        require(record, ref.origin() == null ? null : ref.origin().eventId(), "origin.eventId");
        return ref;
    }

    PullRequestEvent pullRequest(ConsumerRecord<String, byte[]> record) throws UnreadableRecord {
        PullRequestEvent pr = read(record, PullRequestEvent.class);
        require(record, pr.integration(), "integration");
        require(record, pr.repository() == null ? null : pr.repository().fullName(), "repository.fullName");
        require(record, pr.action(), "action");
        require(record, pr.origin() == null ? null : pr.origin().eventId(), "origin.eventId");
        return pr;
    }

    /** @return the record's CloudEvents type, or null */
    static String type(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CloudEvents.HEADER_TYPE);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) throws UnreadableRecord {
        if (record.value() == null || record.value().length == 0) {
            throw new UnreadableRecord("unparseable", "The record has no value; a " + type.getSimpleName()
                    + " as JSON was expected");
        }
        try {
            return json.readValue(record.value(), type);
        } catch (IOException e) {
            throw new UnreadableRecord("unparseable", "The value is not a " + type.getSimpleName() + " as "
                    + record.topic() + "'s schema describes: " + firstLine(e.getMessage()));
        }
    }

    private static void require(ConsumerRecord<String, byte[]> record, String value, String field)
            throws UnreadableRecord {
        if (value == null || value.isBlank()) {
            throw new UnreadableRecord("incomplete", "The record has no '" + field + "', which every record of "
                    + record.topic() + " has; it cannot be analysed");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
