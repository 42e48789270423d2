package dev.bitbridge.connector.bitbucket.oauth;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.bitbucket.BitbucketException;

/** Where Bitbucket sends the browser back after a person approved the consumer. */
@Path("/api/v1/oauth/callback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OAuth")
public class OAuthCallbackResource {

    private final OAuthConnect connect;

    OAuthCallbackResource(OAuthConnect connect) {
        this.connect = connect;
    }

    @GET
    @PermitAll
    @Operation(summary = "Bitbucket's redirect after authorization", description = "Needs no token: only a state this"
            + " service issued, unused and less than 10 minutes old, is accepted.")
    public Uni<Map<String, String>> callback(@QueryParam("state") String state, @QueryParam("code") String code,
            @QueryParam("error") String error) {
        return connect.complete(state, code, error)
                .map(integration -> Map.of("connected", integration, "detail", "Bitbridge can now call Bitbucket"
                        + " for integration '" + integration + "'"))
                .onFailure(BitbucketException.class).transform(f -> new dev.bitbridge.api.ApiException(502,
                        dev.bitbridge.api.ApiError.of(((BitbucketException) f).problem().code(),
                                f.getMessage())));
    }
}
