package dev.bitbridge.ingress;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The outage behaviour again, against the packaged application. */
@QuarkusIntegrationTest
class KafkaOutageIT extends KafkaOutageTest {
}
