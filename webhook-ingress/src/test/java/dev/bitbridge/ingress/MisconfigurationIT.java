package dev.bitbridge.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.bitbridge.testkit.ServiceJar;

import static dev.bitbridge.ingress.Webhooks.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A configuration that could only fail later — on the first webhook, in a log, at shutdown — stops the packaged
 * service at start, with the key (or environment variable) named and no secret value repeated. It never becomes
 * ready.
 */
class MisconfigurationIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final String SECRET_VALUE = "do-not-print-this-value";

    /** A misconfiguration: properties, environment, and what the refusal must name. */
    record Mistake(String name, Map<String, String> properties, Map<String, String> environment, String named) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> mistakes() {
        String integration = "bitbridge.ingress.integrations.acme.";
        return Stream.of(
                m("both token and token-hash", Map.of(integration + "flavor", "cloud", integration + "token", SECRET_VALUE,
                        integration + "token-hash", "sha256:" + "a".repeat(64)), Map.of(),
                        "bitbridge.ingress.integrations.acme: set exactly one of"),
                m("a token hash that is not one", Map.of(integration + "flavor", "cloud", integration + "token-hash",
                        "sha256:" + SECRET_VALUE), Map.of(), "bitbridge.ingress.integrations.acme.token-hash"),
                m("a sealing key that is not 32 bytes", Map.of("bitbridge.ingress.sealing-keys.local",
                        "c2hvcnQta2V5LWRvLW5vdC1wcmludC10aGlzLXZhbHVl"), Map.of(), "bitbridge.ingress.sealing-keys.local"),
                m("an invalid integration name", Map.of("bitbridge.ingress.integrations.Acme!.flavor", "cloud",
                        "bitbridge.ingress.integrations.Acme!.token", SECRET_VALUE), Map.of(),
                        "is not a valid integration name"),
                m("an environment variable that would be ignored", Map.of(),
                        Map.of("BITBRIDGE_INGRESS_INTEGRATIONS_ACME_CLOUD_FLAVOR", "cloud",
                                "BITBRIDGE_INGRESS_INTEGRATIONS_ACME_CLOUD_TOKEN", SECRET_VALUE),
                        "BITBRIDGE_INGRESS_INTEGRATIONS__ACME_CLOUD__FLAVOR"),
                m("an access log that would write tokens", Map.of("quarkus.http.access-log.enabled", "true",
                        "quarkus.http.access-log.pattern", "common"), Map.of(), "quarkus.http.access-log.pattern"),
                m("a publish timeout the producer cannot meet", Map.of("bitbridge.ingress.publish-timeout", "PT2S"),
                        Map.of(), "bitbridge.ingress.publish-timeout"),
                m("an unknown flavor", Map.of(integration + "flavor", "clowd", integration + "token", SECRET_VALUE),
                        Map.of(), "bitbridge.ingress.integrations.acme.flavor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void stopsAtStartNamingTheKey(Mistake mistake) {
        ServiceJar.Builder builder = IngressJar.bare("misconfiguration-" + mistake.name().replace(' ', '-'))
                .property("kafka.bootstrap.servers", "localhost:1");
        mistake.properties().forEach(builder::property);
        mistake.environment().forEach(builder::env);

        try (ServiceJar ingress = builder.start()) {
            int status = ingress.awaitExit(START);

            assertThat(status).as("exit status").isNotZero();
            assertThat(ingress.output()).contains(mistake.named()).doesNotContain(SECRET_VALUE);
        }
    }

    @Test
    void anIntegrationWithAHyphenCanBeDeclaredInEnvironmentVariables() throws Exception {
        try (ServiceJar ingress = IngressJar.withKafka("misconfiguration-env-ok")
                .env("BITBRIDGE_INGRESS_INTEGRATIONS__ACME_CLOUD__FLAVOR", "cloud")
                .env("BITBRIDGE_INGRESS_INTEGRATIONS__ACME_CLOUD__TOKEN", "env-token")
                .env("BITBRIDGE_INGRESS_SEALING_KEYS__KEY_2026__", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                .start()) {
            ingress.awaitReady(START);
            try (RawHttp http = RawHttp.connect(ingress.port())) {
                RawHttp.Answer answer = http.send(RawHttp.post("/webhooks/bitbucket/acme-cloud?token=env-token",
                        Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8), "X-Event-Key: repo:push",
                        "X-Request-UUID: " + newId()));
                assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            }
        }
    }

    private static Arguments m(String name, Map<String, String> properties, Map<String, String> environment,
            String named) {
        return Arguments.of(new Mistake(name, properties, environment, named));
    }
}
