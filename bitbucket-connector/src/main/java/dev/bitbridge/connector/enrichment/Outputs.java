package dev.bitbridge.connector.enrichment;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.Topics;
import dev.bitbridge.platform.kafka.Output;
import dev.bitbridge.platform.kafka.OutputMessages;

/** Builds the records enrichment writes: CloudEvents in binary mode, and dead letters that keep the original. */
@ApplicationScoped
public class Outputs {

    static final String SERVICE = "bitbucket-connector";
    /** On a deferred-files record: the repository the commit's files are read in, when not the commit's own. */
    public static final String HEADER_FILES_REPOSITORY = "bitbridge-files-repository";

    private final ObjectMapper json;

    Outputs(ObjectMapper json) {
        this.json = json;
    }

    /** @return an enriched event as JSON, keyed by its repository */
    public Output event(String topic, String integration, String repository, String id, String type, Object value) {
        try {
            return new Output(topic, RecordKeys.of(integration, repository), id, type, repository, integration,
                    json.writeValueAsBytes(value), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An enriched event could not be written as JSON", e);
        }
    }

    /**
     * @return the commits whose file lists each output deferred, as records of the internal deferred-files topic (read
     *         back by {@code DeferredFilesConsumer}); empty when none is pending
     */
    public List<Output> deferredFiles(List<dev.bitbridge.events.scm.CommitEvent> commits) {
        return deferredFiles(commits, null);
    }

    /**
     * @param filesRepository where the commits' files are read when that is not their repository: a fork's commits,
     *        published for the pull request's destination, live in the fork ({@link #HEADER_FILES_REPOSITORY})
     * @return as {@link #deferredFiles(List)}
     */
    public List<Output> deferredFiles(List<dev.bitbridge.events.scm.CommitEvent> commits, String filesRepository) {
        List<Output> deferred = new java.util.ArrayList<>();
        for (dev.bitbridge.events.scm.CommitEvent commit : commits) {
            if (commit.filesPending()) {
                String repository = commit.repository().fullName();
                Output output = event(dev.bitbridge.connector.kafka.OwnTopics.DEFERRED_FILES.name(),
                        commit.integration(), repository, commit.integration() + "/" + repository + "/"
                                + commit.hash() + "/deferred",
                        "dev.bitbridge.connector.files-deferred", commit);
                if (filesRepository != null && !filesRepository.equals(repository)) {
                    output = new Output(output.topic(), output.key(), output.id(), output.type(), output.subject(),
                            output.integration(), output.value(), Map.of(HEADER_FILES_REPOSITORY, filesRepository));
                }
                deferred.add(output);
            }
        }
        return deferred;
    }

    /**
     * @param record the raw record that cannot be enriched
     * @param reason a stable code, e.g. {@code unparseable}
     * @param detail what is wrong and what to do; never a secret
     * @return the record as it was, with why in its headers, for {@code bitbridge.webhooks.dead-letters.v1}
     */
    public Output deadLetter(ConsumerRecord<String, byte[]> record, String reason, String detail) {
        return OutputMessages.deadLetter(record, Topics.WEBHOOKS_DEAD_LETTERS_V1, SERVICE,
                RawRecord.integrationOf(record).orElse(null), reason, detail);
    }
}
