package dev.bitbridge.ingress.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bitbridge.ingress.integrations.IntegrationTopicReader;
import dev.bitbridge.ingress.kafka.TopicProvisioner;
import dev.bitbridge.ingress.publish.PublishedDeliveriesFollower;
import dev.bitbridge.ingress.publish.PublisherHealth;
import dev.bitbridge.platform.lifecycle.FatalErrors;

/**
 * Collects what is broken inside the process — a thread that ended, a reader or producer that stopped making
 * progress, a fatal error — as opposed to what is merely unavailable outside it (Kafka down). Such problems fail
 * liveness, so that the process is restarted, and readiness, so that no traffic reaches it meanwhile.
 */
@ApplicationScoped
public class InternalProblems {

    private final FatalErrors fatalErrors;
    private final PublisherHealth publisher;
    private final IntegrationTopicReader integrations;
    private final PublishedDeliveriesFollower publishedIds;
    private final TopicProvisioner provisioner;

    InternalProblems(FatalErrors fatalErrors, PublisherHealth publisher, IntegrationTopicReader integrations,
            PublishedDeliveriesFollower publishedIds, TopicProvisioner provisioner) {
        this.fatalErrors = fatalErrors;
        this.publisher = publisher;
        this.integrations = integrations;
        this.publishedIds = publishedIds;
        this.provisioner = provisioner;
    }

    /** @return every current problem, by component; empty when everything inside works */
    public Map<String, String> current() {
        Map<String, String> problems = new LinkedHashMap<>();
        add(problems, "fatal-error", fatalErrors.problem());
        add(problems, "kafka-producer", publisher.problem());
        add(problems, "integrations-reader", integrations.problem());
        add(problems, "published-ids-reader", publishedIds.problem());
        add(problems, "topic-provisioner", provisioner.problem());
        return problems;
    }

    private static void add(Map<String, String> problems, String component, Optional<String> problem) {
        problem.ifPresent(p -> problems.put(component, p));
    }
}
