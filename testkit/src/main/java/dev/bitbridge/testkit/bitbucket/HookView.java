package dev.bitbridge.testkit.bitbucket;

import java.util.List;

/**
 * A webhook as stored by the simulator, secret included (the REST API never returns it; tests may read it).
 *
 * @param id the Cloud UUID in braces, or the Data Center numeric id as text
 * @param url where deliveries go
 * @param description Cloud {@code description}, Data Center {@code name}
 * @param events the subscribed event keys
 * @param active whether deliveries are made
 * @param secret the signing secret, or {@code null}
 * @param sslVerificationRequired Data Center's {@code sslVerificationRequired} (always true on Cloud)
 */
public record HookView(String id, String url, String description, List<String> events, boolean active, String secret,
        boolean sslVerificationRequired) {
}
