package dev.bitbridge.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngressProcessTest {

    @Test
    void healthIsOnAManagementPortOnLoopbackNextToTheWebhookPortWithTheSignedIntegration() {
        List<String> command = IngressProcess.builder(BenchOptions.parse(), "localhost:9092").command();

        assertTrue(command.stream().anyMatch(a -> a.matches("-Dquarkus\\.http\\.port=\\d+")), command::toString);
        assertTrue(command.contains("-Dquarkus.http.host=127.0.0.1"), command::toString);
        assertTrue(command.stream().anyMatch(a -> a.matches("-Dquarkus\\.management\\.port=\\d+")), command::toString);
        assertTrue(command.contains("-Dquarkus.management.host=127.0.0.1"), command::toString);
        assertTrue(command.contains("-Dkafka.bootstrap.servers=localhost:9092"), command::toString);
        assertTrue(command.contains("-Dbitbridge.ingress.integrations.bench.flavor=cloud"), command::toString);
        assertTrue(command.stream().anyMatch(a -> a.startsWith("-Dbitbridge.ingress.integrations.bench.secret=")),
                command::toString);
        assertEquals("-jar", command.get(command.size() - 2));
    }

    @Test
    void everyIngressJvmExitsOnOutOfMemoryEvenWhenTheJvmArgsAreOverridden() {
        assertEquals(List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"),
                IngressProcess.jvmArgs(BenchOptions.parse()));

        List<String> overridden = IngressProcess.builder(
                BenchOptions.parse("--ingress-jvm-args=-Xmx256m -XX:-ExitOnOutOfMemoryError"), "localhost:9092").command();
        assertEquals(List.of("-Xmx256m", "-XX:-ExitOnOutOfMemoryError", "-XX:+ExitOnOutOfMemoryError"),
                overridden.subList(1, 4), "the required flag comes last, so it wins");
    }

    @Test
    void doesNotRepeatTheFlagWhenAlreadyGiven() {
        assertEquals(List.of("-XX:+ExitOnOutOfMemoryError", "-Xmx1g"),
                IngressProcess.jvmArgs(BenchOptions.parse("--ingress-jvm-args=-XX:+ExitOnOutOfMemoryError -Xmx1g")));
    }
}
