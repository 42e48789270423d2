package dev.bitbridge.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngressProcessTest {

    @Test
    void healthMovesToAManagementPortOnLoopbackNextToTheWebhookPort() {
        List<String> command = IngressProcess.command("java", BenchOptions.parse(), "localhost:9092", 8081, 9001);

        assertTrue(command.contains("-Dquarkus.http.port=8081"), command::toString);
        assertTrue(command.contains("-Dquarkus.http.host=127.0.0.1"), command::toString);
        assertTrue(command.contains("-Dquarkus.management.port=9001"), command::toString);
        assertTrue(command.contains("-Dquarkus.management.host=127.0.0.1"), command::toString);
        assertEquals("-jar", command.get(command.size() - 2));
    }

    @Test
    void everyIngressJvmExitsOnOutOfMemoryEvenWhenTheJvmArgsAreOverridden() {
        assertEquals(List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"),
                IngressProcess.jvmArgs(BenchOptions.parse()));

        List<String> overridden = IngressProcess.command("java",
                BenchOptions.parse("--ingress-jvm-args=-Xmx256m -XX:-ExitOnOutOfMemoryError"), "localhost:9092", 1, 2);
        assertEquals(List.of("java", "-Xmx256m", "-XX:-ExitOnOutOfMemoryError", "-XX:+ExitOnOutOfMemoryError"),
                overridden.subList(0, 4), "the required flag comes last, so it wins");
    }

    @Test
    void doesNotRepeatTheFlagWhenAlreadyGiven() {
        assertEquals(List.of("-XX:+ExitOnOutOfMemoryError", "-Xmx1g"),
                IngressProcess.jvmArgs(BenchOptions.parse("--ingress-jvm-args=-XX:+ExitOnOutOfMemoryError -Xmx1g")));
    }
}
