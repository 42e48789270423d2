package dev.bitbridge.connector.enrichment.payload;

import java.io.IOException;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.bitbridge.connector.enrichment.payload.EventKeys.Route;
import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * Reads a raw Bitbucket webhook (its body and {@code X-Event-Key}) into a {@link Notice}: what it says, normalized
 * across Cloud and Data Center and across the payload drift seen in the wild (epoch or ISO dates with any offset
 * style, Data Center with or without listed commits…). Pure and stateless: it calls nothing and may be shared.
 * <p>
 * Keys are read first: a status echo, a ping, a known key without work or an unknown key is {@link Ignored} without
 * looking at the body. A push or pull-request body that cannot be read fails with a {@link ReadFailure} naming the
 * JSON path, for a dead-letter reason.
 */
@ApplicationScoped
public class WebhookReader {

    private static final ObjectReader JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .reader();

    /**
     * @param flavor the Bitbucket flavor that sent it
     * @param eventKey its {@code X-Event-Key}
     * @param body its body, byte for byte
     * @return what the webhook says
     * @throws ReadFailure when the body of an event to enrich cannot be read
     */
    public Notice read(BitbucketFlavor flavor, String eventKey, byte[] body) {
        Objects.requireNonNull(flavor, "flavor");
        Route route = EventKeys.route(flavor, eventKey);
        if (route.kind() == Route.Kind.IGNORE) {
            return new Ignored(route.reason(), eventKey);
        }
        PathNode root = parse(body).requireObject();
        boolean cloud = flavor == BitbucketFlavor.CLOUD;
        if (route.kind() == Route.Kind.PUSH) {
            return cloud ? CloudPushReader.read(root) : DataCenterPushReader.read(root);
        }
        return cloud ? CloudPullRequestReader.read(root, route.action())
                : DataCenterPullRequestReader.read(root, route.action());
    }

    private static PathNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ReadFailure(ReadFailure.Problem.NOT_JSON, "$", "empty body");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ReadFailure(ReadFailure.Problem.NOT_JSON, "$", "no JSON value");
            }
            if (node.isNull()) {
                throw ReadFailure.invalid("$", "expected an object, found null");
            }
            return PathNode.root(node);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ReadFailure(ReadFailure.Problem.NOT_JSON, "$", "not JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new ReadFailure(ReadFailure.Problem.NOT_JSON, "$", "not readable as JSON");
        }
    }
}
