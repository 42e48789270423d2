package dev.bitbridge.ingress.kafka;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.DisconnectException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Says why topics could not be provisioned in words an operator can act on. "Cannot reach Kafka" is only the answer
 * when Kafka could not be reached: a refusal (authorization, a topic policy, settings the cluster cannot meet) says so
 * and what to change.
 */
final class TopicProvisioningFailure {

    private TopicProvisioningFailure() {
    }

    /**
     * @param failure what the admin client reported
     * @param action what was being done, e.g. "create topic bitbridge.webhooks.v1"
     * @return the explanation
     */
    static String describe(Throwable failure, String action) {
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        if (failure instanceof AuthorizationException) {
            return "not authorized to " + action + " (" + message + "): grant the ingress's Kafka principal DESCRIBE and"
                    + " CREATE on its topics, or create them beforehand (see docs) and set"
                    + " bitbridge.ingress.create-topics=false";
        }
        if (failure instanceof AuthenticationException) {
            return "Kafka refused the ingress's credentials while trying to " + action + " (" + message
                    + "): check the kafka.sasl.* / kafka.ssl.* settings";
        }
        if (failure instanceof PolicyViolationException) {
            return "the cluster's topic policy refused to " + action + " (" + message + "): create the topic as the policy"
                    + " requires and set bitbridge.ingress.create-topics=false";
        }
        if (failure instanceof InvalidReplicationFactorException || failure instanceof InvalidConfigurationException
                || failure instanceof InvalidPartitionsException || failure instanceof InvalidRequestException) {
            return "the cluster refused the settings to " + action + " (" + message + "): check"
                    + " bitbridge.ingress.topics.replication-factor and min-insync-replicas";
        }
        if (failure instanceof UnknownTopicOrPartitionException) {
            return "cannot " + action + " (" + message + "): the topic does not exist (yet); with"
                    + " bitbridge.ingress.create-topics=false, create it as documented";
        }
        if (failure instanceof java.util.concurrent.TimeoutException
                || failure instanceof org.apache.kafka.common.errors.TimeoutException
                || failure instanceof DisconnectException) {
            return "cannot reach Kafka to " + action + " (" + message + ")";
        }
        return "unexpected failure to " + action + ": " + failure;
    }
}
