package dev.bitbridge.ingress.http;

import java.util.function.Function;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.ingress.auth.PresentedTokens;
import dev.bitbridge.ingress.auth.SignatureVerifier;
import dev.bitbridge.ingress.auth.TokenAuthenticator;
import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.ingress.integrations.Integration;
import dev.bitbridge.ingress.publish.Delivery;
import dev.bitbridge.ingress.publish.PayloadInspector;
import dev.bitbridge.ingress.publish.WebhookIntake;

/**
 * {@code POST /webhooks/bitbucket/{integration}}: the one door Bitbucket Cloud and Data Center deliver through.
 * <p>
 * Checks run cheapest and most telling first: token (401), event key (400), Data Center's unsigned test ping (200),
 * signature over the raw bytes (403), content type (415), event id (400), body is a JSON object (400). Only then is the
 * event published; 202 means Kafka has it.
 */
@Path(WebhookResource.PATH)
public class WebhookResource {

    /** Path prefix of webhook deliveries. */
    public static final String PATH = "/webhooks/bitbucket";
    static final String PING = "diagnostics:ping";

    private final TokenAuthenticator authenticator;
    private final WebhookIntake intake;
    private final long maxBodySize;

    WebhookResource(TokenAuthenticator authenticator, WebhookIntake intake, IngressConfig config) {
        this.authenticator = authenticator;
        this.intake = intake;
        this.maxBodySize = config.maxBodySize().asLongValue();
    }

    @POST
    @Path("{integration}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a Bitbucket webhook delivery")
    @APIResponse(responseCode = "202", description = "Stored in Kafka (or a duplicate of a stored delivery)")
    @APIResponse(responseCode = "200", description = "diagnostics:ping answered; nothing stored")
    @APIResponse(responseCode = "400", description = "A header or the body is missing or malformed")
    @APIResponse(responseCode = "401", description = "No valid token for this URL")
    @APIResponse(responseCode = "403", description = "Signature missing or wrong")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "415", description = "Body not declared as JSON")
    @APIResponse(responseCode = "503", description = "Kafka unavailable; retry")
    public Uni<Response> receive(@RestPath String integration, @RestQuery String token, HttpHeaders headers,
            byte[] body) {
        Integration target = authenticator
                .authenticate(integration, PresentedTokens.of(token, headers.getHeaderString(HttpHeaders.AUTHORIZATION)))
                .orElseThrow(() -> new WebhookRejectedException(Rejection.UNAUTHORIZED,
                        "No valid webhook token for this URL. Send the integration's token as ?token=…, as"
                                + " 'Authorization: Bearer …', or as the Basic-auth password, and check the integration"
                                + " name in the URL and that the integration is enabled."));
        Function<String, String> header = headers::getHeaderString;
        String eventKey = DeliveryHeaders.eventKey(header);
        if (PING.equals(eventKey)) {
            return Uni.createFrom().item(Response.ok(new PingBody("pong")).build());
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (raw.length > maxBodySize) {
            throw new WebhookRejectedException(Rejection.BODY_TOO_LARGE, BodySizeFilter.tooLarge(raw.length, maxBodySize));
        }
        if (target.signed()) {
            verifySignature(target, raw, header.apply(DeliveryHeaders.SIGNATURE));
        }
        DeliveryHeaders.requireJson(header);
        String eventId = DeliveryHeaders.eventId(header, target.flavor(), target.name());
        String repository = repositoryOf(target, raw);
        Delivery delivery = new Delivery(target, eventKey, eventId, DeliveryHeaders.hookUuid(header),
                DeliveryHeaders.attempt(header), repository, raw);
        return intake.accept(delivery)
                .map(duplicate -> Response.accepted(new AcceptedBody(eventId, duplicate)).build());
    }

    private static void verifySignature(Integration target, byte[] raw, String header) {
        switch (SignatureVerifier.verify(target.secret(), raw, header)) {
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

    private static String repositoryOf(Integration target, byte[] raw) {
        try {
            return PayloadInspector.repositoryOf(target.flavor(), raw);
        } catch (PayloadInspector.MalformedPayloadException e) {
            throw new WebhookRejectedException(Rejection.BODY_NOT_JSON_OBJECT, e.getMessage());
        }
    }

    /** @param status always {@code pong} */
    public record PingBody(String status) {
    }
}
