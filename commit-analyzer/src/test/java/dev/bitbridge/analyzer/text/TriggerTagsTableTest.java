package dev.bitbridge.analyzer.text;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The trigger-tag grammar of the README, case by case. Expected: the tags found, as {@code kind[:job]} joined by
 * {@code |} in order ({@code ci} = the repository's default build, {@code jenkins} = the Jenkins default job,
 * {@code job:Path} = a named job); {@code skip} for a suppression; empty for nothing.
 */
class TriggerTagsTableTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // The tags themselves
                arguments("the example from the issue", "GAME-456: new animations #ci", "ci"),
                arguments("#build is the default build too", "Fix the menu #build", "ci"),
                arguments("#jenkins is the Jenkins default job", "Fix the menu #jenkins", "jenkins"),
                arguments("a named job", "Fix #jenkins:Client", "job:Client"),
                arguments("a job in folders", "Fix #jenkins:Games/Client", "job:Games/Client"),
                arguments("a deeply nested job", "#jenkins:Org/Games/Mobile/Client-iOS", "job:Org/Games/Mobile/Client-iOS"),
                arguments("a tag at the very start", "#ci fix the menu", "ci"),
                arguments("a tag alone", "#ci", "ci"),
                arguments("upper case", "Fix #CI", "ci"),
                arguments("mixed case, the job keeps its case", "Fix #Jenkins:GameServer", "job:GameServer"),
                arguments("on a later line", "Fix the menu\n\nSome details.\n#ci", "ci"),
                arguments("after a Windows line break", "Fix the menu\r\n#build", "ci"),
                arguments("after a tab", "Fix\t#ci", "ci"),
                // Punctuation around tags
                arguments("a full stop after", "Fix the menu #ci.", "ci"),
                arguments("a comma after", "#ci, please", "ci"),
                arguments("in parentheses", "Fix the menu (#ci)", "ci"),
                arguments("in brackets", "Fix the menu [#build]", "ci"),
                arguments("in double quotes", "Fix the menu \"#ci\"", "ci"),
                arguments("emphasised in Markdown", "Fix the menu *#ci*", "ci"),
                arguments("a colon and a space after", "#ci: fix the menu", "ci"),
                arguments("#jenkins: and a space is #jenkins", "#jenkins: please", "jenkins"),
                arguments("an exclamation mark after", "Finally #ci!", "ci"),
                arguments("a named job at the end of a sentence", "Build with #jenkins:Games/Client.", "job:Games/Client"),
                arguments("a named job in parentheses", "(#jenkins:Games/Client)", "job:Games/Client"),
                arguments("a named job then a comma", "#jenkins:Client, then deploy", "job:Client"),
                arguments("a quoted job name with spaces", "Run #jenkins:\"Nightly Build\" now", "job:Nightly Build"),
                arguments("a quoted job in a folder", "#jenkins:\"Games/Mobile Client\"", "job:Games/Mobile Client"),
                arguments("a job name with dots inside", "#jenkins:app.v2-build", "job:app.v2-build"),
                // Several tags
                arguments("two different requests", "Fix #ci and #jenkins:Docs", "ci|job:Docs"),
                arguments("#ci and #build are one request", "#ci #build", "ci"),
                arguments("the same job twice is one request", "#jenkins:Docs and again #jenkins:Docs", "job:Docs"),
                arguments("the default job and a named one", "#jenkins #jenkins:Docs", "jenkins|job:Docs"),
                // Traps: not tags
                arguments("inside a word", "Fix issue#ci", ""),
                arguments("a longer word", "Fix the #cinema page", ""),
                arguments("a hyphenated word", "Speed up #ci-fast", ""),
                arguments("an underscore after", "#ci_old", ""),
                arguments("a slash after", "#ci/cd", ""),
                arguments("in a URL fragment", "See http://host/#build", ""),
                arguments("in an https URL with a query", "See https://host/page?x=1#ci for details", ""),
                arguments("in a www address", "See www.example.com/#ci", ""),
                arguments("in a Markdown link target", "[docs](https://wiki.example.com/ci#ci)", ""),
                arguments("in a code span", "Document the `#ci` tag", ""),
                arguments("in a double-backtick code span", "Document ``#ci`` here", ""),
                arguments("in a fenced code block", "Docs:\n```\ngit commit -m \"#ci\"\n```\n", ""),
                arguments("in a tilde fence", "Docs:\n~~~\n#build\n~~~", ""),
                arguments("in an unclosed fence", "Docs:\n```\n#build", ""),
                arguments("escaped", "Write \\#ci to build", ""),
                arguments("a Markdown heading mark", "##ci", ""),
                arguments("an HTML entity form", "&#ci;", ""),
                arguments("a full-width number sign", "Fix ＃ci", ""),
                arguments("#jenkins: with an empty quoted name", "#jenkins:\"\"", ""),
                arguments("#jenkins: with a bad character", "#jenkins:?", ""),
                arguments("a job path with an empty folder", "#jenkins:Games//Client", ""),
                arguments("a job named ..", "#jenkins:../secret", ""),
                arguments("an unknown tag", "#deploy now", ""),
                arguments("a tag-like issue reference", "Fixes #123", ""),
                // Code and tags together
                arguments("a tag after a code span", "Document `#ci` #ci", "ci"),
                arguments("a tag after a fenced block", "```\n#ci\n```\nNow #build", "ci"),
                arguments("a tag after an unmatched backtick", "It's a ` mark #ci", "ci"),
                // Suppression
                arguments("[skip ci]", "Docs only [skip ci]", "skip"),
                arguments("[ci skip]", "[ci skip] docs only", "skip"),
                arguments("suppression in upper case", "Docs [SKIP CI]", "skip"),
                arguments("#skip-ci", "Docs only #skip-ci", "skip"),
                arguments("suppression wins over a tag", "#ci oops [skip ci]", "skip"),
                arguments("suppression in code does not count", "Mention `[skip ci]` #ci", "ci"),
                arguments("#skip-ci inside a word does not count", "no#skip-ci #ci", "ci"),
                arguments("[skip-ci] is not a suppression", "Docs [skip-ci] #ci", "ci"),
                // Non-ASCII text
                arguments("after German text", "Menü überarbeitet #ci", "ci"),
                arguments("after a non-ASCII letter with no space", "überarbeitet#ci", ""),
                arguments("after Japanese text and a space", "メニューを修正 #ci", "ci"),
                arguments("a job with non-ASCII letters", "#jenkins:Spiele/Übersicht", "job:Spiele/Übersicht"),
                arguments("after an emoji and a space", "🚀 #build", "ci"),
                arguments("Cyrillic text then a tag", "Исправлено меню (#jenkins:Docs)", "job:Docs"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void findsWhatTheGrammarSays(String description, String text, String expected) {
        Triggers triggers = TriggerTags.in(text);

        assertThat(render(triggers)).as(description).isEqualTo(expected);
    }

    private static String render(Triggers triggers) {
        if (triggers.skip()) {
            return "skip";
        }
        return triggers.tags().stream().map(tag -> switch (tag.kind()) {
            case DEFAULT_BUILD -> "ci";
            case DEFAULT_JENKINS_JOB -> "jenkins";
            case NAMED_JOB -> "job:" + tag.job();
        }).collect(Collectors.joining("|"));
    }
}
