package dev.bitbridge.ingress.kafka;

import java.util.Map;

import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.server.policy.CreateTopicPolicy;

/** A broker topic policy, as platform teams install them, that refuses every topic created without a team label. */
public class RefusingTopicPolicy implements CreateTopicPolicy {

    @Override
    public void validate(RequestMetadata request) {
        throw new PolicyViolationException("topics must be requested through the platform portal");
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
