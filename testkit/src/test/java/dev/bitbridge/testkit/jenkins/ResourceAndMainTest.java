package dev.bitbridge.testkit.jenkins;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Quarkus test resource, and the small parsers of the standalone main and of {@code delay}. */
class ResourceAndMainTest {

    static class SomeTest {
        @InjectJenkins
        JenkinsSimulator jenkins;
        JenkinsSimulator notMarked;
    }

    @Test
    void theResourceGivesTheUrlAndInjectsTheMarkedField() throws Exception {
        JenkinsSimulatorResource resource = new JenkinsSimulatorResource();
        Map<String, String> config = resource.start();
        SomeTest test = new SomeTest();
        try {
            resource.inject((target, matches) -> {
                for (Field field : SomeTest.class.getDeclaredFields()) {
                    if (matches.test(field)) {
                        try {
                            field.set(test, target);
                        } catch (IllegalAccessException e) {
                            throw new AssertionError(e);
                        }
                    }
                }
            });

            assertThat(test.jenkins).isNotNull();
            assertThat(test.notMarked).isNull();
            assertThat(config).containsExactly(Map.entry("bitbridge.test.jenkins.url", test.jenkins.url()));
            test.jenkins.addUser("bot", "pw");
            assertThat(JenkinsHttp.as(test.jenkins, "bot", "pw").get("/api/json").status()).isEqualTo(200);
        } finally {
            resource.stop();
        }
    }

    @Test
    void mainReadsDurations() {
        assertThat(JenkinsSimulatorMain.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(JenkinsSimulatorMain.duration("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(JenkinsSimulatorMain.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(JenkinsSimulatorMain.duration("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> JenkinsSimulatorMain.duration("5x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void delayIsReadAsJenkinsTimeDuration() {
        assertThat(TriggerApi.delay(null)).isNull();
        assertThat(TriggerApi.delay("0sec")).isEqualTo(Duration.ZERO);
        assertThat(TriggerApi.delay("10sec")).isEqualTo(Duration.ofSeconds(10));
        assertThat(TriggerApi.delay("3 secs")).isEqualTo(Duration.ofSeconds(3));
        assertThat(TriggerApi.delay("5000")).as("no unit: milliseconds").isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> TriggerApi.delay("soon")).isInstanceOf(IllegalArgumentException.class);
    }
}
