package dev.bitbridge.trigger.api;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.bitbridge.api.ApiError.FieldProblem;
import dev.bitbridge.api.ApiException;
import dev.bitbridge.api.ApiRoles;
import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.credentials.SecretFields;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.integration.IntegrationNames;
import dev.bitbridge.trigger.targets.JenkinsTarget;
import dev.bitbridge.trigger.targets.JenkinsTargetStore;
import dev.bitbridge.trigger.targets.TargetResolver;

/**
 * Jenkins targets: where an integration's builds go, or one repository's. The credential is write-only: stored in the
 * credential store, never returned.
 */
@Path("/api/v1/integrations/{integration}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(ApiRoles.ADMIN)
public class TargetResource {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final CredentialStore credentials;
    private final ObjectMapper json;
    private final JenkinsTargetStore targets;
    private final Pool pool;
    private final TargetResolver resolver;

    TargetResource(CredentialStore credentials, ObjectMapper json, JenkinsTargetStore targets, Pool pool,
            TargetResolver resolver) {
        this.credentials = credentials;
        this.json = json;
        this.targets = targets;
        this.pool = pool;
        this.resolver = resolver;
    }

    @GET
    @Path("/jenkins-target")
    public Uni<TargetView> integration(@PathParam("integration") String integration) {
        return get(integration, null);
    }

    @PUT
    @Path("/jenkins-target")
    public Uni<TargetView> putIntegration(@PathParam("integration") String integration, TargetRequest request) {
        return put(integration, null, request);
    }

    @DELETE
    @Path("/jenkins-target")
    public Uni<Void> deleteIntegration(@PathParam("integration") String integration) {
        return delete(integration, null);
    }

    @GET
    @Path("/repositories/{owner}/{slug}/jenkins-target")
    public Uni<TargetView> repository(@PathParam("integration") String integration, @PathParam("owner") String owner,
            @PathParam("slug") String slug) {
        return get(integration, owner + "/" + slug);
    }

    @PUT
    @Path("/repositories/{owner}/{slug}/jenkins-target")
    public Uni<TargetView> putRepository(@PathParam("integration") String integration,
            @PathParam("owner") String owner, @PathParam("slug") String slug, TargetRequest request) {
        return put(integration, owner + "/" + slug, request);
    }

    @DELETE
    @Path("/repositories/{owner}/{slug}/jenkins-target")
    public Uni<Void> deleteRepository(@PathParam("integration") String integration,
            @PathParam("owner") String owner, @PathParam("slug") String slug) {
        return delete(integration, owner + "/" + slug);
    }

    private Uni<TargetView> get(String integration, String repository) {
        return targets.find(pool, id(integration, repository)).map(target -> {
            if (target == null) {
                throw ApiException.notFound("No Jenkins target for '" + RecordKeys.of(integration, repository)
                        + "'; PUT one first");
            }
            return view(target);
        });
    }

    private Uni<TargetView> put(String integration, String repository, TargetRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "is missing: send the target as a JSON object");
        }
        String id = id(integration, repository);
        return pool.withTransaction(connection -> targets.find(connection, id).chain(existing -> {
            List<FieldProblem> problems = TargetValidator.problems(request, existing != null);
            if (!problems.isEmpty()) {
                return Uni.createFrom().failure(ApiException.invalid(problems));
            }
            Instant now = Instant.now();
            JenkinsTarget target = new JenkinsTarget(id, integration, repository, request.baseUrl(),
                    request.username(), request.credentialKind(), request.defaultJob(), write(request.jobMapping()),
                    request.multibranch(), write(request.parameters()), existing != null ? existing.createdAt() : now,
                    now);
            Uni<Void> secret = request.secret() == null || request.secret().isEmpty()
                    ? Uni.createFrom().voidItem()
                    : credentials.put(target.credentialPath(), SecretFields.of(Map.of("secret",
                            request.secret())));
            return secret.chain(() -> existing != null ? targets.update(connection, target)
                    : targets.insert(connection, target)).map(stored -> view(target));
        })).onTermination().invoke(resolver::forgetAll); // committed or not: builds read it again
    }

    private Uni<Void> delete(String integration, String repository) {
        String id = id(integration, repository);
        return pool.withTransaction(connection -> targets.find(connection, id).chain(target -> {
            if (target == null) {
                return Uni.createFrom().failure(ApiException.notFound("No Jenkins target for '" + id + "'"));
            }
            return credentials.delete(target.credentialPath()).chain(() -> targets.delete(connection, id));
        })).onTermination().invoke(resolver::forgetAll);
    }

    private TargetView view(JenkinsTarget target) {
        return new TargetView(target.integration(), target.repository(), target.baseUrl(), target.username(),
                target.credentialKind(), target.defaultJob(), read(target.jobMapping()), target.multibranch(),
                read(target.parameters()), target.updatedAt());
    }

    private static String id(String integration, String repository) {
        if (!IntegrationNames.isValid(integration)) {
            throw ApiException.invalid("integration", "is not a valid integration name");
        }
        return RecordKeys.of(integration, repository);
    }

    private String write(Map<String, String> map) {
        try {
            return json.writeValueAsString(map == null ? Map.of() : map);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, MAP);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
