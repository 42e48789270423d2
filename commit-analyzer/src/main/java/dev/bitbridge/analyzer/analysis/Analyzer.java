package dev.bitbridge.analyzer.analysis;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

import dev.bitbridge.analyzer.decide.PullRequestDecider;
import dev.bitbridge.analyzer.decide.PushDecider;
import dev.bitbridge.analyzer.decide.RequestFactory;
import dev.bitbridge.analyzer.decide.TaskLinker;
import dev.bitbridge.analyzer.rules.EffectiveSettings;
import dev.bitbridge.analyzer.settings.SettingsView;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.analysis.TaskLinkEvent;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.events.scm.PullRequestEvent;
import dev.bitbridge.events.scm.RefChangeEvent;
import dev.bitbridge.platform.kafka.Output;
import dev.bitbridge.platform.kafka.OutputMessages;

/**
 * What a batch of enriched events gives: task links and build requests, each event decided with its repository's
 * settings; a record that cannot be read goes to the dead-letter topic with the reason, and the rest of the batch goes
 * on. Deterministic: the same records and settings always give the same outputs, so a batch read again after a failed
 * transaction writes what it would have written.
 */
@ApplicationScoped
public class Analyzer {

    static final String SERVICE = "commit-analyzer";
    private static final Logger LOG = Logger.getLogger(Analyzer.class);

    private final InputRecords inputs;
    private final SettingsView settings;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final TaskLinker linker = new TaskLinker();
    private final PushDecider pushes;
    private final PullRequestDecider pullRequests;

    Analyzer(InputRecords inputs, SettingsView settings, ObjectMapper json, MeterRegistry meters) {
        this.inputs = inputs;
        this.settings = settings;
        this.json = json;
        this.meters = meters;
        RequestFactory factory = new RequestFactory();
        this.pushes = new PushDecider(factory);
        this.pullRequests = new PullRequestDecider(factory);
    }

    public List<Output> analyze(List<ConsumerRecord<String, byte[]>> records) {
        List<Output> outputs = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                analyze(record, outputs);
            } catch (UnreadableRecord e) {
                LOG.warnf("A record at %s-%d@%d cannot be analysed (%s): %s; it goes to %s", record.topic(),
                        record.partition(), record.offset(), e.reason(), e.getMessage(),
                        Topics.COMMIT_ANALYZER_DEAD_LETTERS_V1);
                meters.counter("bitbridge.analyzer.dead-letters", "reason", e.reason()).increment();
                outputs.add(OutputMessages.deadLetter(record, Topics.COMMIT_ANALYZER_DEAD_LETTERS_V1, SERVICE,
                        integrationOf(record), e.reason(), e.getMessage()));
            }
        }
        return outputs;
    }

    private void analyze(ConsumerRecord<String, byte[]> record, List<Output> outputs) throws UnreadableRecord {
        switch (record.topic()) {
            case Topics.COMMITS_V1 -> {
                CommitEvent commit = inputs.commit(record);
                EffectiveSettings effective = settingsOf(commit.integration(), commit.repository().fullName());
                links(linker.forCommit(commit, InputRecords.type(record), effective), outputs);
            }
            case Topics.REFS_V1 -> {
                RefChangeEvent ref = inputs.ref(record);
                EffectiveSettings effective = settingsOf(ref.integration(), ref.repository().fullName());
                links(linker.forRef(ref, effective), outputs);
                requests(pushes.decide(ref, effective), outputs);
            }
            case Topics.PULLREQUESTS_V1 -> {
                PullRequestEvent pr = inputs.pullRequest(record);
                EffectiveSettings effective = settingsOf(pr.integration(), pr.repository().fullName());
                links(linker.forPullRequest(pr, effective), outputs);
                requests(pullRequests.decide(pr, effective), outputs);
            }
            default -> throw new UnreadableRecord("unknown-topic", "The analyzer does not read " + record.topic());
        }
    }

    private EffectiveSettings settingsOf(String integration, String repository) {
        return settings.effective(integration, repository);
    }

    private void links(List<TaskLinkEvent> links, List<Output> outputs) {
        for (TaskLinkEvent link : links) {
            outputs.add(output(Topics.TASK_LINKS_V1, link.integration(), link.repository().fullName(), link.id(),
                    TaskLinkEvent.TYPE, link));
        }
        meters.counter("bitbridge.analyzer.task-links").increment(links.size());
    }

    private void requests(List<BuildRequest> requests, List<Output> outputs) {
        for (BuildRequest request : requests) {
            outputs.add(output(Topics.BUILD_REQUESTS_V1, request.integration(), request.repository().fullName(),
                    request.requestId(), BuildRequest.TYPE, request));
            meters.counter("bitbridge.analyzer.build-requests", "reason", request.reason()).increment();
        }
    }

    private Output output(String topic, String integration, String repository, String id, String type,
            Object value) {
        try {
            return new Output(topic, RecordKeys.of(integration, repository), id, type, repository, integration,
                    json.writeValueAsBytes(value), java.util.Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A " + type + " record could not be written as JSON", e);
        }
    }

    private static String integrationOf(ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        if (key == null) {
            return null;
        }
        int colon = key.indexOf(RecordKeys.SEPARATOR);
        return colon < 0 ? key : key.substring(0, colon);
    }
}
