package dev.bitbridge.testkit.jenkins;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.http.Json;

/**
 * The actions Jenkins shows on jobs, queue items and builds: {@code ParametersDefinitionProperty} (a job's string
 * parameters with their defaults, which python-jenkins' {@code get_job_info} reads), {@code ParametersAction} (the
 * values of one build) and {@code CauseAction} ({@code Cause$UserIdCause} or {@code Cause$RemoteCause}); and an item's
 * {@code fullDisplayName} ({@code Games » Client}).
 */
final class ActionJson {

    private ActionJson() {
    }

    static String fullDisplayName(TreeItem item) {
        StringBuilder name = new StringBuilder();
        for (TreeItem i = item; i != null && i.parent() != null; i = i.parent()) {
            name.insert(0, name.length() == 0 ? i.displayName() : i.displayName() + " » ");
        }
        return name.toString();
    }

    static ObjectNode parametersDefinition(Job job) {
        ObjectNode out = Json.object().put("_class", "hudson.model.ParametersDefinitionProperty");
        ArrayNode definitions = out.putArray("parameterDefinitions");
        for (JobParameter p : job.parameters()) {
            ObjectNode d = definitions.addObject().put("_class", "hudson.model.StringParameterDefinition");
            d.putObject("defaultParameterValue").put("_class", "hudson.model.StringParameterValue").put("name", p
                    .name()).put("value", p.defaultValue());
            d.putNull("description");
            d.put("name", p.name()).put("type", "StringParameterDefinition");
        }
        return out;
    }

    static ObjectNode parametersAction(List<ParamValue> values) {
        ObjectNode out = Json.object().put("_class", "hudson.model.ParametersAction");
        ArrayNode parameters = out.putArray("parameters");
        values.forEach(v -> parameters.addObject().put("_class", "hudson.model.StringParameterValue").put("name", v
                .name()).put("value", v.value()));
        return out;
    }

    static ObjectNode causeAction(BuildCause cause) {
        ObjectNode out = Json.object().put("_class", "hudson.model.CauseAction");
        ObjectNode c = out.putArray("causes").addObject();
        if (cause.userId() == null) {
            c.put("_class", "hudson.model.Cause$RemoteCause").put("shortDescription", cause.shortDescription())
                    .put("addr", cause.host()).putNull("note");
        } else {
            c.put("_class", "hudson.model.Cause$UserIdCause").put("shortDescription", cause.shortDescription())
                    .put("userId", cause.userId()).put("userName", cause.userId());
        }
        return out;
    }
}
