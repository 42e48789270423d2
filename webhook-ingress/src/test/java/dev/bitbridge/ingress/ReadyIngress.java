package dev.bitbridge.ingress;

import java.net.URL;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Tests start where a load balancer would start sending traffic: once the ingress reports ready (topics created,
 * integrations view loaded, Kafka reachable). Start-up work runs in the background, so without this the first test
 * of a run would race it. Health, metrics and OpenAPI are on the management port, reached through
 * {@link #management()}.
 */
public abstract class ReadyIngress {

    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    @BeforeEach
    void awaitReady() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> management().get("/q/health/ready").then().statusCode(200));
    }

    /** @return a request to the management port */
    protected RequestSpecification management() {
        return given().baseUri("http://" + managementUrl.getHost()).port(managementUrl.getPort());
    }

    /** @return the current value of one Prometheus series, 0 when absent */
    protected double metric(String series) {
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.Ee+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }
}
