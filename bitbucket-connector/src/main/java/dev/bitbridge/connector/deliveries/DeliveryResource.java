package dev.bitbridge.connector.deliveries;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.bitbridge.api.ApiException;
import dev.bitbridge.api.ApiRoles;
import dev.bitbridge.api.QueryParams;
import dev.bitbridge.connector.bitbucket.IntegrationAccess;

/** {@code /api/v1/integrations/{name}/deliveries}: what reached the ingress for an integration, newest first. */
@Path("/api/v1/integrations/{name}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries")
@SecurityRequirement(name = "bearer")
@RolesAllowed(ApiRoles.ADMIN)
public class DeliveryResource {

    static final int MAX_PAGE = 100;
    private static final String PAGE = "select source, received_at, outcome, event_id, event_key, repository, reason,"
            + " status from delivery where integration = $1 and (received_at, source) < ($2, $3)"
            + " order by received_at desc, source desc limit $4";

    private final Pool pool;
    private final IntegrationAccess integrations;

    DeliveryResource(Pool pool, IntegrationAccess integrations) {
        this.pool = pool;
        this.integrations = integrations;
    }

    @GET
    @Operation(summary = "List recent deliveries", description = "Accepted deliveries with their repository, and"
            + " deliveries the ingress refused (wrong token, signature mismatch, malformed) with the reason.")
    public Uni<DeliveryPage> list(@PathParam("name") String name, @QueryParam("before") String before,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "25")) @QueryParam("limit") String limitParam) {
        int limit = QueryParams.integer("limit", limitParam, 25);
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        Cursor cursor = before == null ? Cursor.NEWEST : Cursor.parse(before);
        return integrations.exists(name)
                .chain(() -> pool.preparedQuery(PAGE).execute(Tuple.of(name,
                        OffsetDateTime.ofInstant(cursor.at(), ZoneOffset.UTC), cursor.source(), limit + 1)))
                .map(rows -> {
                    List<Delivery> found = new java.util.ArrayList<>();
                    rows.forEach(row -> found.add(delivery(row)));
                    List<Delivery> page = found.stream().limit(limit).toList();
                    String next = found.size() > limit ? Cursor.of(page.get(page.size() - 1)) : null;
                    return new DeliveryPage(page, next);
                });
    }

    private static Delivery delivery(Row row) {
        return new Delivery(row.getString("source"), row.getOffsetDateTime("received_at").toInstant(),
                row.getString("outcome"), row.getString("event_id"), row.getString("event_key"),
                row.getString("repository"), row.getString("reason"), row.getInteger("status"));
    }

    /** Where a page ends: the last delivery's time and source, as an opaque token. */
    record Cursor(Instant at, String source) {
        static final Cursor NEWEST = new Cursor(Instant.parse("9999-12-31T00:00:00Z"), "");

        static String of(Delivery d) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((d.receivedAt() + "|" + d.source())
                    .getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String token) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|",
                        2);
                return new Cursor(Instant.parse(parts[0]), parts[1]);
            } catch (RuntimeException e) {
                throw ApiException.invalid("before", "is not a cursor from a previous page's nextBefore");
            }
        }
    }
}
