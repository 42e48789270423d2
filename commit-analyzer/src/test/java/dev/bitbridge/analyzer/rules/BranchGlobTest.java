package dev.bitbridge.analyzer.rules;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class BranchGlobTest {

    static Stream<Arguments> matches() {
        return Stream.of(
                arguments("main", "main", true),
                arguments("main", "main2", false),
                arguments("main", "feature/main", false),
                arguments("release/*", "release/1.2", true),
                arguments("release/*", "release/1.2/hotfix", false),
                arguments("release/*", "release", false),
                arguments("release/**", "release/1.2/hotfix", true),
                arguments("release/**", "release/1.2", true),
                arguments("**", "main", true),
                arguments("**", "feature/GAME-12/particles", true),
                arguments("**/hotfix", "hotfix", true),
                arguments("**/hotfix", "release/1.2/hotfix", true),
                arguments("**/hotfix", "release/1.2/hotfix-2", false),
                arguments("feature/*-particles", "feature/GAME-12-particles", true),
                arguments("v?.?", "v1.2", true),
                arguments("v?.?", "v1.22", false),
                arguments("v?", "v/", false),
                arguments("Main", "main", false),
                arguments("feature/übersicht", "feature/übersicht", true),
                arguments("a.b", "aXb", false),
                arguments("(x)+", "(x)+", true));
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @MethodSource("matches")
    void matchesAsDocumented(String glob, String branch, boolean expected) {
        assertThat(BranchGlob.of(glob).matches(branch)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "main branch", "refs/heads/main", "release/[0-9]", "a\\b", "x~1", "a:b",
            "***", "/main", "main/", "a//b" })
    void refusesWhatNoBranchCanBeWithAReason(String glob) {
        BranchGlob.Parsed parsed = BranchGlob.parse(glob);

        assertThat(parsed.glob()).isNull();
        assertThat(parsed.problem()).isNotBlank();
    }

    @Test
    void explainsRefsPrefixes() {
        assertThat(BranchGlob.parse("refs/heads/main").problem()).contains("'main', not 'refs/heads/main'");
    }
}
