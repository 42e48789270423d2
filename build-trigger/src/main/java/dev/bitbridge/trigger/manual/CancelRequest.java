package dev.bitbridge.trigger.manual;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param requestedBy who cancels (declared, as for {@link ManualBuildRequest#requestedBy()}) */
@Schema(name = "CancelRequest")
public record CancelRequest(@Schema(required = true, example = "alice") String requestedBy) {
}
