package dev.bitbridge.ingress;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the ingress. It only adds one thing to Quarkus's own start: Quarkus's check that the request URI parses as a
 * {@link java.net.URI} is switched off, because it answers a failing URI with a bare 400 before any application code
 * runs. The webhook route reads the raw path and query itself, accepts only its own strict form, and answers every
 * other request with its documented JSON error (see {@code http.WebhookEndpoint}). Tests set the same property.
 */
@QuarkusMain
public final class IngressMain {

    /** The Vert.x HTTP recorder's switch for its URI check, read once when the HTTP server is set up. */
    static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    private IngressMain() {
    }

    public static void main(String... args) {
        System.setProperty(DISABLE_URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}
