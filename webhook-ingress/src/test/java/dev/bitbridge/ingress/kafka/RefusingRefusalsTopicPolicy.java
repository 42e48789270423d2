package dev.bitbridge.ingress.kafka;

import java.util.Map;

import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.server.policy.CreateTopicPolicy;

import dev.bitbridge.events.Topics;

/** A broker topic policy that allows every topic but the refusal reports', as a platform might not have approved it. */
public class RefusingRefusalsTopicPolicy implements CreateTopicPolicy {

    @Override
    public void validate(RequestMetadata request) {
        if (Topics.WEBHOOK_REFUSALS_V1.equals(request.topic())) {
            throw new PolicyViolationException("diagnostics topics are not approved here");
        }
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
