package dev.bitbridge.ingress.http;

import java.util.List;
import java.util.function.Function;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import dev.bitbridge.ingress.auth.Authentication;
import dev.bitbridge.ingress.auth.PresentedTokens;
import dev.bitbridge.ingress.auth.SignatureVerifier;
import dev.bitbridge.ingress.integrations.Integration;
import dev.bitbridge.ingress.publish.Delivery;
import dev.bitbridge.ingress.publish.PayloadInspector;

/**
 * One request on the public port, from its headers to its answer. Checks run cheapest first and the body is read
 * last, only for an authenticated request whose headers are all valid:
 * <ol>
 * <li>request line and headers within limits (414, 431); a webhook path (404) and {@code POST} (405);</li>
 * <li>token (401) — no byte of the body is read before it;</li>
 * <li>{@code X-Event-Key} (400); Data Center's unsigned {@code diagnostics:ping} is answered here (200);</li>
 * <li>{@code Content-Type} (415), event id (400), {@code X-Hook-UUID} and {@code X-Attempt-Number} (400), declared
 * {@code Content-Length} (413);</li>
 * <li>the body, streamed within the size limit (413), the body memory (503) and the body timeout (408);</li>
 * <li>signature over the raw bytes (403), then one JSON object (400);</li>
 * <li>published: 202 once Kafka acknowledged it, 503 if it did not in time.</li>
 * </ol>
 * A refusal is answered first and then, if the URL names an existing integration, reported once
 * ({@code refusals.RefusalReporter}); the report cannot change or delay the answer.
 */
final class WebhookExchange implements BodyReader.Outcome {

    static final String PING = "diagnostics:ping";

    private final WebhookEndpoint endpoint;
    private final HttpServerRequest request;
    private final Function<String, String> header;
    private String integrationName;
    private Authentication authentication;
    private Integration target;
    private String eventKey;
    private String eventId;
    private String hookUuid;
    private Integer attempt;
    private BodyReader body;
    private boolean reported;

    WebhookExchange(WebhookEndpoint endpoint, HttpServerRequest request) {
        this.endpoint = endpoint;
        this.request = request;
        this.header = request::getHeader;
    }

    /** Runs the header checks and, when they pass, starts reading the body. */
    void start() {
        try {
            RequestLimits.check(request);
            integrationName = WebhookPath.integration(request.path());
            if (integrationName == null) {
                throw new WebhookRejectedException(Rejection.NOT_FOUND, "Nothing here: webhooks are delivered to POST "
                        + WebhookPath.PREFIX + "<integration>.");
            }
            if (request.method() != HttpMethod.POST) {
                throw new WebhookRejectedException(Rejection.METHOD_NOT_ALLOWED, "Webhooks are delivered with POST.");
            }
            authentication = endpoint.authenticator().authenticate(integrationName,
                    PresentedTokens.of(WebhookPath.token(request.query()), request.getHeader("Authorization")));
            target = authentication.accepted().orElseThrow(WebhookExchange::unauthorized);
            eventKey = DeliveryHeaders.eventKey(header);
            if (PING.equals(eventKey)) {
                endpoint.answers().pong(request);
                return;
            }
            DeliveryHeaders.requireJson(header);
            eventId = DeliveryHeaders.eventId(header, target.flavor(), target.name());
            hookUuid = DeliveryHeaders.hookUuid(header);
            attempt = DeliveryHeaders.attempt(header);
            long declared = DeliveryHeaders.contentLength(header, endpoint.maxBodySize());
            body = new BodyReader(request, endpoint.bodyMemory(), endpoint.maxBodySize());
            body.read(declared, DeliveryHeaders.expectsContinue(header), endpoint.bodyTimeout(), endpoint.vertx(), this);
        } catch (WebhookRejectedException e) {
            refused(e);
        }
    }

    @Override
    public void received(byte[] raw) {
        try {
            publish(raw);
        } catch (WebhookRejectedException e) {
            refused(e);
        } catch (Throwable e) { // NOSONAR: nothing may escape into Vert.x's handler, which would only log it
            failed(e);
        }
    }

    private void publish(byte[] raw) {
        List<byte[]> secrets = authentication.signingSecrets();
        if (!secrets.isEmpty()) {
            verifySignature(secrets, raw);
        }
        String repository = repositoryOf(raw);
        Delivery delivery = new Delivery(target, eventKey, eventId, hookUuid, attempt, repository, raw);
        endpoint.intake().accept(delivery).subscribe().with(this::accepted, this::failed);
    }

    private void accepted(boolean duplicate) {
        try {
            endpoint.answers().accepted(request, eventId, duplicate);
        } catch (Throwable e) { // NOSONAR: see received()
            failed(e);
        }
    }

    @Override
    public void refused(WebhookRejectedException why) {
        endpoint.answers().reject(request, why);
        report(why.rejection());
    }

    /**
     * Reports a refusal that has been answered, at most once per request. Refusals decided before the path was read
     * (414, 431) read it now, so that they too reach an existing integration's owner.
     */
    void report(Rejection rejection) {
        if (reported) {
            return;
        }
        reported = true;
        String name = integrationName != null ? integrationName : WebhookPath.integration(request.path());
        endpoint.refusals().report(name, rejection, authentication == null ? null : authentication.match(), header);
    }

    @Override
    public void abandoned() {
        // The client went away mid-body: there is nobody to answer, and nothing was stored.
    }

    /** Called once the answer is out or the connection gone: the body's memory is free again. */
    void completed() {
        if (body != null) {
            body.release();
        }
    }

    /** @return the integration named in the path, for logs; may be unknown or {@code null} */
    String integrationName() {
        return integrationName;
    }

    private void failed(Throwable failure) {
        try {
            if (failure instanceof WebhookRejectedException refusal) {
                refused(refusal);
            } else {
                endpoint.failed(request, integrationName, failure);
                report(Rejection.INTERNAL_ERROR);
            }
        } catch (Throwable e) { // NOSONAR: the last resort; an Error still reaches the fatal-error handler
            endpoint.lastResort(request, e);
        }
    }

    private void verifySignature(List<byte[]> secrets, byte[] raw) {
        switch (SignatureVerifier.verify(secrets, raw, header.apply(DeliveryHeaders.SIGNATURE))) {
            case VALID -> {
            }
            case MISSING -> throw new WebhookRejectedException(Rejection.SIGNATURE_MISSING, "Integration '" + target.name()
                    + "' has a webhook secret, so every delivery must carry 'X-Hub-Signature: sha256=<hex HMAC-SHA256 of"
                    + " the body>'. Set the same secret on the Bitbucket webhook.");
            case UNSUPPORTED_ALGORITHM -> throw new WebhookRejectedException(Rejection.SIGNATURE_ALGORITHM_UNSUPPORTED,
                    "X-Hub-Signature must have the form 'sha256=<64 lower-case hex digits>', as Bitbucket sends it;"
                            + " sha1 signatures (GitHub's form) and other algorithms are refused.");
            case MISMATCH -> throw new WebhookRejectedException(Rejection.SIGNATURE_MISMATCH, "X-Hub-Signature does not"
                    + " match the body. Check that the secret set on the Bitbucket webhook equals integration '"
                    + target.name() + "''s webhook secret, and that nothing between Bitbucket and Bitbridge alters the body.");
        }
    }

    private String repositoryOf(byte[] raw) {
        try {
            return PayloadInspector.repositoryOf(target.flavor(), raw);
        } catch (PayloadInspector.MalformedPayloadException e) {
            throw new WebhookRejectedException(Rejection.BODY_NOT_JSON_OBJECT, e.getMessage());
        }
    }

    private static WebhookRejectedException unauthorized() {
        return new WebhookRejectedException(Rejection.UNAUTHORIZED, "No valid webhook token for this URL. Send the"
                + " integration's token as ?token=…, as 'Authorization: Bearer …', or as the Basic-auth password, and check"
                + " the integration name in the URL and that the integration is enabled.");
    }
}
