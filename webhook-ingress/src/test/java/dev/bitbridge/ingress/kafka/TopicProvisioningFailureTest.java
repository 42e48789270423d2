package dev.bitbridge.ingress.kafka;

import java.util.stream.Stream;

import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.DisconnectException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class TopicProvisioningFailureTest {

    private static final String ACTION = "create topic bitbridge.webhooks.v1";

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(new TopicAuthorizationException("Not authorized to access topics"),
                        new String[] { "not authorized", "bitbridge.ingress.create-topics=false", "CREATE" }),
                Arguments.of(new ClusterAuthorizationException("Cluster authorization failed"),
                        new String[] { "not authorized", "bitbridge.ingress.create-topics=false" }),
                Arguments.of(new GroupAuthorizationException("Group authorization failed"),
                        new String[] { "not authorized", "bitbridge.ingress.create-topics=false" }),
                Arguments.of(new PolicyViolationException("replication factor must be 3"),
                        new String[] { "policy", "bitbridge.ingress.create-topics=false" }),
                Arguments.of(new InvalidReplicationFactorException("Replication factor: 3 larger than brokers: 1"),
                        new String[] { "refused the settings", "bitbridge.ingress.topics.replication-factor" }),
                Arguments.of(new InvalidConfigurationException("Invalid value 5 for min.insync.replicas"),
                        new String[] { "refused the settings", "min-insync-replicas" }),
                Arguments.of(new InvalidPartitionsException("Number of partitions must be larger than 0"),
                        new String[] { "refused the settings" }),
                Arguments.of(new InvalidRequestException("bad request"),
                        new String[] { "refused the settings" }),
                Arguments.of(new SaslAuthenticationException("Authentication failed: Invalid username or password"),
                        new String[] { "credentials", "kafka.sasl.*" }),
                Arguments.of(new SslAuthenticationException("SSL handshake failed"),
                        new String[] { "credentials", "kafka.ssl.*" }),
                Arguments.of(new UnknownTopicOrPartitionException("This server does not host this topic-partition"),
                        new String[] { "does not exist", "bitbridge.ingress.create-topics=false" }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusalSaysWhatToChangeAndNeverBlamesTheNetwork(Throwable failure, String[] says) {
        String description = TopicProvisioningFailure.describe(failure, ACTION);

        assertThat(description).contains(says).contains(ACTION).contains(failure.getMessage());
        assertThat(description).doesNotContain("cannot reach");
    }

    static Stream<Throwable> outages() {
        return Stream.of(
                new org.apache.kafka.common.errors.TimeoutException("Timed out waiting for a node assignment"),
                new java.util.concurrent.TimeoutException(),
                new DisconnectException("Cancelled fetchMetadata request since node 1 is disconnected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outages")
    void anOutageSaysKafkaCannotBeReached(Throwable failure) {
        assertThat(TopicProvisioningFailure.describe(failure, ACTION))
                .startsWith("cannot reach Kafka to " + ACTION)
                .doesNotContain("not authorized", "policy", "refused", "credentials");
    }

    @Test
    void anythingElseIsReportedAsUnexpectedWithWhatHappened() {
        assertThat(TopicProvisioningFailure.describe(new IllegalStateException("admin client closed"), ACTION))
                .startsWith("unexpected failure to " + ACTION)
                .contains("IllegalStateException", "admin client closed")
                .doesNotContain("cannot reach");
    }
}
