package dev.bitbridge.analyzer.text;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Task keys, case by case: in texts and branch names, with and without a project list. Expected: the keys found,
 * joined by {@code |} in order.
 */
class TaskKeysTableTest {

    private static final String ALL = "";
    private static final String GAME_OPS = "GAME,OPS";

    static Stream<Arguments> texts() {
        return Stream.of(
                arguments("the example", ALL, "GAME-789: fix the menu", "GAME-789"),
                arguments("two keys", ALL, "GAME-1 and OPS-22", "GAME-1|OPS-22"),
                arguments("a key twice is found once", ALL, "GAME-1, again GAME-1", "GAME-1"),
                arguments("in parentheses", ALL, "Fix the menu (GAME-12)", "GAME-12"),
                arguments("in brackets", ALL, "[GAME-12] Fix the menu", "GAME-12"),
                arguments("followed by a colon", ALL, "GAME-12: fix", "GAME-12"),
                arguments("at the end of a sentence", ALL, "Fixes GAME-12.", "GAME-12"),
                arguments("a project with digits and underscore", ALL, "G2_X-5 done", "G2_X-5"),
                arguments("on a later line", ALL, "Fix\n\nRefs: GAME-3", "GAME-3"),
                arguments("in a Jira URL", ALL, "See https://example.atlassian.net/browse/GAME-7", "GAME-7"),
                arguments("lower case is not a key in text", ALL, "game-12 fix", ""),
                arguments("a leading zero is not an issue number", ALL, "GAME-012", ""),
                arguments("zero is not an issue number", ALL, "GAME-0", ""),
                arguments("a one-letter project is not a key", ALL, "X-12", ""),
                arguments("an 11-letter project is not a key", ALL, "ABCDEFGHIJK-1", ""),
                arguments("after a lower-case letter", ALL, "xGAME-12 is not it", ""),
                arguments("a longer project is its own key", ALL, "XGAME-12", "XGAME-12"),
                arguments("after a hyphen", ALL, "pre-GAME-12", ""),
                arguments("followed by letters", ALL, "GAME-12a", ""),
                arguments("in a code span", ALL, "Use `GAME-12` as an example", ""),
                arguments("in a fenced block", ALL, "```\nGAME-12\n```", ""),
                arguments("without a list UTF-8 looks like a key", ALL, "Files are UTF-8", "UTF-8"),
                arguments("with a list UTF-8 is not a key", GAME_OPS, "Files are UTF-8 (GAME-4)", "GAME-4"),
                arguments("with a list SHA-256 is not a key", GAME_OPS, "Hash with SHA-256", ""),
                arguments("with a list ISO-8601 is not a key", GAME_OPS, "Dates in ISO-8601, OPS-9", "OPS-9"),
                arguments("with a list other projects are ignored", GAME_OPS, "WEB-1 GAME-2", "GAME-2"),
                arguments("after German text", ALL, "Menü überarbeitet GAME-5", "GAME-5"),
                arguments("in Japanese text without spaces", ALL, "GAME-12を修正", "GAME-12"),
                arguments("after Japanese text without spaces", ALL, "修正GAME-13", "GAME-13"),
                arguments("after an emoji", ALL, "🐛GAME-14", "GAME-14"),
                arguments("a Cyrillic look-alike project is not a key", ALL, "GАМЕ-15", ""));
    }

    static Stream<Arguments> branches() {
        return Stream.of(
                arguments("a feature branch", ALL, "feature/GAME-12-particles", "GAME-12"),
                arguments("a key alone", ALL, "GAME-12", "GAME-12"),
                arguments("lower case without a list is not a key", ALL, "feature/game-12-particles", ""),
                arguments("lower case with the project listed", GAME_OPS, "feature/game-12-particles", "GAME-12"),
                arguments("mixed case with the project listed", GAME_OPS, "bugfix/Game-7", "GAME-7"),
                arguments("lower case of a project not listed", GAME_OPS, "feature/web-3", ""),
                arguments("two keys in a branch", ALL, "GAME-1_OPS-2", ""),
                arguments("two keys separated by a slash", ALL, "GAME-1/OPS-2", "GAME-1|OPS-2"),
                arguments("a release branch with a version", GAME_OPS, "release/v1-2", ""),
                arguments("a non-ASCII branch", ALL, "feature/GAME-12-übersicht", "GAME-12"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("texts")
    void findsKeysInText(String description, String projects, String text, String expected) {
        assertThat(render(keys(projects).inText(text))).as(description).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("branches")
    void findsKeysInBranchNames(String description, String projects, String branch, String expected) {
        assertThat(render(keys(projects).inBranch(branch))).as(description).isEqualTo(expected);
    }

    @Test
    void saysWhereEachKeyIsInCodePointsAndLines() {
        List<TaskKey> keys = new TaskKeys(Set.of()).inText("🚀 Menü\r\nFix GAME-5\nand OPS-6");

        assertThat(keys).containsExactly(new TaskKey("GAME-5", "GAME", 12, 2), new TaskKey("OPS-6", "OPS", 23, 3));
    }

    @Test
    void tagsReportTheirOffsetInCodePoints() {
        assertThat(TriggerTags.in("🚀🚀 #ci").tags().get(0).offset()).isEqualTo(3);
    }

    private static TaskKeys keys(String projects) {
        return new TaskKeys(projects.isEmpty() ? Set.of()
                : Arrays.stream(projects.split(",")).collect(Collectors.toSet()));
    }

    private static String render(List<TaskKey> keys) {
        return keys.stream().map(TaskKey::key).collect(Collectors.joining("|"));
    }
}
