package dev.bitbridge.testkit.jenkins;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitbridge.testkit.bitbucket.http.Json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code tree} parameter as Jenkins' NamedPathPruner reads it. */
class TreeFilterTest {

    private static final String JOB = """
            {"_class":"Job","name":"app","color":"blue",
             "builds":[{"_class":"Run","number":3,"queueId":30,"url":"u3","actions":[
                          {"_class":"ParametersAction","parameters":[{"_class":"P","name":"A","value":"1"}]},
                          {"_class":"CauseAction","causes":[]}]},
                       {"_class":"Run","number":2,"queueId":20,"url":"u2","actions":[]},
                       {"_class":"Run","number":1,"queueId":10,"url":"u1","actions":[]}],
             "lastBuild":{"_class":"Run","number":3,"url":"u3"}}""";

    @Test
    void namedFieldsAreKeptWithEveryClass() throws Exception {
        JsonNode out = filter("name,builds[number,queueId,actions[parameters[name,value]]]");

        assertThat(out.toString()).isEqualTo("{\"_class\":\"Job\",\"name\":\"app\",\"builds\":["
                + "{\"_class\":\"Run\",\"number\":3,\"queueId\":30,\"actions\":[{\"_class\":\"ParametersAction\","
                + "\"parameters\":[{\"_class\":\"P\",\"name\":\"A\",\"value\":\"1\"}]},{\"_class\":\"CauseAction\"}]},"
                + "{\"_class\":\"Run\",\"number\":2,\"queueId\":20,\"actions\":[]},"
                + "{\"_class\":\"Run\",\"number\":1,\"queueId\":10,\"actions\":[]}]}");
    }

    @Test
    void aNameWithoutBracketsKeepsANestedObjectsClassOnly() throws Exception {
        assertThat(filter("lastBuild").toString()).isEqualTo("{\"_class\":\"Job\",\"lastBuild\":{\"_class\":\"Run\"}}");
    }

    @Test
    void rangesCutLists() throws Exception {
        assertThat(filter("builds[number]{0,2}").get("builds")).extracting(b -> b.get("number").asInt())
                .containsExactly(3, 2);
        assertThat(filter("builds[number]{1}").get("builds")).extracting(b -> b.get("number").asInt())
                .containsExactly(2);
        assertThat(filter("builds[number]{1,}").get("builds")).extracting(b -> b.get("number").asInt())
                .containsExactly(2, 1);
    }

    @Test
    void aMalformedTreeIsRefused() {
        assertThatThrownBy(() -> TreeFilter.parse("builds[number")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeFilter.parse("a,,b")).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode filter(String tree) throws Exception {
        return TreeFilter.apply(Json.MAPPER.readTree(JOB), TreeFilter.parse(tree));
    }
}
