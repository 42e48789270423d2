package dev.bitbridge.reporter.api;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiError;
import dev.bitbridge.api.ApiException;
import dev.bitbridge.api.ApiRoles;
import dev.bitbridge.events.integration.IntegrationNames;
import dev.bitbridge.reporter.statuses.StatusStore;

/**
 * {@code GET /api/v1/statuses?integration=…&commit=…}: the build statuses of a commit — what should be shown, what was
 * posted, what is still to come and why not yet. Read-only: statuses change only through build states.
 */
@Path("/api/v1/statuses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statuses")
@SecurityRequirement(name = "bearer")
@RolesAllowed(ApiRoles.ADMIN)
public class StatusResource {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private final StatusStore store;
    private final ObjectMapper json;

    StatusResource(StatusStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @GET
    @Operation(summary = "The build statuses of a commit")
    @APIResponse(responseCode = "200", description = "Every status known for the commit (empty when none)", content = @Content(schema = @Schema(implementation = StatusView[].class)))
    @APIResponse(responseCode = "400", description = "No integration, or a commit that is not a full hash", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<List<StatusView>> ofCommit(@QueryParam("integration") String integration,
            @QueryParam("commit") String commit) {
        if (integration == null || !IntegrationNames.isValid(integration)) {
            throw ApiException.invalid("integration", "is required: the integration's name (lower case letters,"
                    + " digits and '-')");
        }
        if (commit == null || !HASH.matcher(commit).matches()) {
            throw ApiException.invalid("commit", "must be the commit's full hash (40 or 64 lower-case hex digits)");
        }
        return store.ofCommit(integration, commit).map(rows -> rows.stream().map(row -> {
            try {
                return new StatusView(row.getString("repository"), row.getString("status_key"),
                        row.getString("request_id"), row.getString("build_state"),
                        json.readTree(row.getJsonObject("wanted").encode()), row.getString("posted_state"),
                        row.getString("posted_as"), row.getOffsetDateTime("posted_at"), row.getValue("due_at") != null,
                        row.getInteger("attempts"), row.getString("problem"),
                        row.getOffsetDateTime("dead_lettered_at"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("A stored status is not JSON", e);
            }
        }).toList());
    }
}
