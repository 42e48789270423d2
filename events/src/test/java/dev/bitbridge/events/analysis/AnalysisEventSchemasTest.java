package dev.bitbridge.events.analysis;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.events.Contract;
import dev.bitbridge.events.JsonSchemas;
import dev.bitbridge.events.RecordContractTest;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.RecordSchemaShape;
import dev.bitbridge.events.Sample;
import dev.bitbridge.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bitbridge.task-links.v1} and {@code bitbridge.analysis-settings.v1}, written as their producers write them
 * ({@link AnalysisSamples}), against their shipped schemas ({@link RecordContractTest}); the enumerations are the
 * records' constants, and settings are keyed as the schema says.
 */
class AnalysisEventSchemasTest extends RecordContractTest {

    static final Contract TASK_LINKS = new Contract(Topics.TASK_LINKS_V1, TaskLinkEvent.class,
            AnalysisSamples::taskLinks);
    static final Contract ANALYSIS_SETTINGS = new Contract(Topics.ANALYSIS_SETTINGS_V1, AnalysisSettings.class,
            AnalysisSamples::settings);

    @Override
    protected List<Contract> contracts() {
        return List.of(TASK_LINKS, ANALYSIS_SETTINGS);
    }

    @Test
    void theDocumentedEnumerationsAreTheRecordsConstants() {
        assertThat(texts(TASK_LINKS.schema().at("/properties/foundIn/enum"))).containsExactly(
                TaskLinkEvent.COMMIT_MESSAGE, TaskLinkEvent.PULL_REQUEST_TITLE, TaskLinkEvent.PULL_REQUEST_DESCRIPTION,
                TaskLinkEvent.BRANCH_NAME);
        assertThat(texts(ANALYSIS_SETTINGS.schema().at("/$defs/branchRule/properties/events/items/enum")))
                .isEqualTo(BranchRule.EVENTS);
        assertThat(texts(ANALYSIS_SETTINGS.schema().at("/$defs/branchRule/properties/trigger/enum")))
                .containsExactly(BranchRule.ALWAYS, BranchRule.TAGGED);
    }

    @Test
    void theSamplesFindKeysInEveryPlace() {
        assertThat(TASK_LINKS.samples().stream().map(s -> ((TaskLinkEvent) s.record()).foundIn()).distinct())
                .containsExactlyInAnyOrderElementsOf(texts(TASK_LINKS.schema().at("/properties/foundIn/enum")));
    }

    @Test
    void settingsAreKeyedByIntegrationOrByIntegrationAndRepository() {
        List<String> keys = new ArrayList<>();
        for (Sample sample : ANALYSIS_SETTINGS.samples()) {
            AnalysisSettings settings = (AnalysisSettings) sample.record();
            keys.add(RecordKeys.of(settings.integration(), settings.repository()));
        }

        assertThat(keys).containsExactly("acme-cloud:acme-games/particle-engine", "acme-cloud",
                "acme-dc:GAME/particle-engine", "acme-dc");
    }

    @Test
    void anUnknownBranchRuleEventOrTriggerIsRefused() {
        ObjectNode json = ANALYSIS_SETTINGS.first();
        ObjectNode rule = (ObjectNode) json.get("rules").get(0);
        rule.putArray("events").add("merge");
        rule.put("trigger", "sometimes");

        assertThat(JsonSchemas.errors(ANALYSIS_SETTINGS.schema(), json)).hasSize(2)
                .anySatisfy(e -> assertThat(e).contains("/rules/0/events/0"))
                .anySatisfy(e -> assertThat(e).contains("/rules/0/trigger"));
    }

    @Test
    void anInstantDocumentedWithoutDateTimeOrARuleWithoutItsFlagRequiredIsFound() {
        ObjectNode schema = ANALYSIS_SETTINGS.schema().deepCopy();
        ((ObjectNode) schema.at("/properties/updatedAt")).remove("format");
        ((ObjectNode) schema.at("/$defs/branchRule")).putArray("required").add("id");

        assertThat(RecordSchemaShape.problems(AnalysisSettings.class, schema)).containsExactlyInAnyOrder(
                "$.updatedAt: a date is documented without format date-time",
                "$.rules[].separatePullRequestBuilds: a primitive is always written, so it must be required");
    }

    @Test
    void aKeyBeforeTheStartOfItsTextOrOnLineZeroIsRefused() {
        ObjectNode json = TASK_LINKS.first().put("offset", -1).put("line", 0);

        assertThat(JsonSchemas.errors(TASK_LINKS.schema(), json)).hasSize(2);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
