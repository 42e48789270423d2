package dev.bitbridge.connector.bitbucket.oauth;

import java.net.URI;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiRoles;

/** Starts "Connect Bitbucket" for an integration with an OAuth consumer (authorization-code flow). */
@Path("/api/v1/integrations/{name}/oauth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OAuth")
public class OAuthResource {

    private final OAuthConnect connect;

    OAuthResource(OAuthConnect connect) {
        this.connect = connect;
    }

    @GET
    @Path("connect")
    @RolesAllowed(ApiRoles.ADMIN)
    @Operation(summary = "Start Connect Bitbucket", description = "Redirects (302) to Bitbucket's authorize page; the"
            + " body also names the URL. The consumer's callback URL must be this service's /api/v1/oauth/callback.")
    public Uni<Response> start(@PathParam("name") String name) {
        return connect.start(name).map(url -> Response.status(302).location(URI.create(url))
                .entity(Map.of("authorizeUrl", url)).build());
    }

}
