package dev.bitbridge.analyzer.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.analyzer.settings.SettingsView;
import dev.bitbridge.analyzer.settings.SettingsWriter;
import dev.bitbridge.api.ApiError.FieldProblem;
import dev.bitbridge.api.ApiException;
import dev.bitbridge.api.ApiRoles;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.analysis.AnalysisSettings;
import dev.bitbridge.events.integration.IntegrationNames;

/**
 * Task-key and build settings of an integration, and of one of its repositories (which adds branch rules). A PUT
 * answers 200 once the settings are stored in Kafka; every replica applies them within moments. Invalid settings are
 * refused with every problem named, and nothing changes.
 */
@Path("/api/v1/integrations/{integration}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(ApiRoles.ADMIN)
public class SettingsResource {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final SettingsView view;
    private final SettingsWriter writer;
    private final SecurityIdentity identity;

    SettingsResource(SettingsView view, SettingsWriter writer, SecurityIdentity identity) {
        this.view = view;
        this.writer = writer;
        this.identity = identity;
    }

    @GET
    @Path("/analysis-settings")
    public AnalysisSettings integration(@PathParam("integration") String integration) {
        return stored(key(integration, null));
    }

    @PUT
    @Path("/analysis-settings")
    public Uni<AnalysisSettings> putIntegration(@PathParam("integration") String integration,
            SettingsRequest request) {
        return put(integration, null, request);
    }

    @DELETE
    @Path("/analysis-settings")
    public Uni<Void> deleteIntegration(@PathParam("integration") String integration) {
        return delete(key(integration, null));
    }

    @GET
    @Path("/repositories/{owner}/{slug}/analysis-settings")
    public AnalysisSettings repository(@PathParam("integration") String integration,
            @PathParam("owner") String owner, @PathParam("slug") String slug) {
        return stored(key(integration, repository(owner, slug)));
    }

    @PUT
    @Path("/repositories/{owner}/{slug}/analysis-settings")
    public Uni<AnalysisSettings> putRepository(@PathParam("integration") String integration,
            @PathParam("owner") String owner, @PathParam("slug") String slug, SettingsRequest request) {
        return put(integration, repository(owner, slug), request);
    }

    @DELETE
    @Path("/repositories/{owner}/{slug}/analysis-settings")
    public Uni<Void> deleteRepository(@PathParam("integration") String integration,
            @PathParam("owner") String owner, @PathParam("slug") String slug) {
        return delete(key(integration, repository(owner, slug)));
    }

    private Uni<AnalysisSettings> put(String integration, String repository, SettingsRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "is missing: send the settings as a JSON object");
        }
        String key = key(integration, repository);
        List<FieldProblem> problems = SettingsValidator.problems(request, repository != null);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        AnalysisSettings settings = new AnalysisSettings(integration, repository, request.projectKeys(),
                request.linkTemplate(), request.defaultJob(), request.rules(), Instant.now(),
                identity.getPrincipal().getName());
        return writer.write(key, settings).ifNoItem().after(WRITE_TIMEOUT).failWith(this::kafkaUnavailable)
                .replaceWith(settings);
    }

    private Uni<Void> delete(String key) {
        stored(key);
        return writer.delete(key).ifNoItem().after(WRITE_TIMEOUT).failWith(this::kafkaUnavailable);
    }

    private AnalysisSettings stored(String key) {
        return view.stored(key).orElseThrow(() -> ApiException.notFound("No analysis settings are stored for '"
                + key + "'; PUT them first"));
    }

    private ApiException kafkaUnavailable() {
        return new ApiException(503, dev.bitbridge.api.ApiError.of("unavailable", "Kafka did not store the settings"
                + " within " + WRITE_TIMEOUT.toSeconds() + " s; nothing changed. Try again when Kafka is back."));
    }

    private static String key(String integration, String repository) {
        if (!IntegrationNames.isValid(integration)) {
            throw ApiException.invalid("integration", "is not a valid integration name");
        }
        return RecordKeys.of(integration, repository);
    }

    private static String repository(String owner, String slug) {
        if (owner.isBlank() || slug.isBlank() || owner.contains(":") || slug.contains(":")) {
            throw ApiException.invalid("repository", "must be '<workspace or project>/<slug>'");
        }
        return owner + "/" + slug;
    }
}
