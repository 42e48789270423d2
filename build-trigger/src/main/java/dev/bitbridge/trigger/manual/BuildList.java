package dev.bitbridge.trigger.manual;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param builds newest first, at most {@code limit} */
@Schema(name = "BuildList")
public record BuildList(List<BuildView> builds) {
}
