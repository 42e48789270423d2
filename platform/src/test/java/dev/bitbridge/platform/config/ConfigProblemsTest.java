package dev.bitbridge.platform.config;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One refusal names what cannot start and every key at fault, in the order found. */
class ConfigProblemsTest {

    @Test
    void noProblemNoRefusal() {
        ConfigProblems problems = new ConfigProblems("The test service");

        assertThat(problems.all()).isEmpty();
        assertThatCode(problems::throwIfAny).doesNotThrowAnyException();
    }

    @Test
    void everyProblemIsListedWithItsKey() {
        ConfigProblems problems = new ConfigProblems("The test service");
        problems.add("bitbridge.test.a", "is missing; set it to a URL");
        problems.add("BITBRIDGE_TEST_B", "would be ignored");

        assertThat(problems.all()).containsExactly("bitbridge.test.a: is missing; set it to a URL",
                "BITBRIDGE_TEST_B: would be ignored");
        assertThatThrownBy(problems::throwIfAny).isInstanceOf(ConfigurationException.class)
                .hasMessage("The test service cannot start: 2 configuration problem(s):\n"
                        + "  - bitbridge.test.a: is missing; set it to a URL\n"
                        + "  - BITBRIDGE_TEST_B: would be ignored");
    }

    @Test
    void theListIsASnapshot() {
        ConfigProblems problems = new ConfigProblems("The test service");
        problems.add("k", "first");
        var before = problems.all();
        problems.add("k", "second");

        assertThat(before).containsExactly("k: first");
        assertThat(problems.all()).hasSize(2);
    }
}
