package dev.bitbridge.ingress;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The webhook contract again, against the packaged application that {@code ./bitbridge up} runs. */
@QuarkusIntegrationTest
class WebhookIngressIT extends WebhookIngressTest {
}
