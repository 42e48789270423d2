package dev.bitbridge.analyzer.text;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Jira-style task keys: a project key (an upper-case ASCII letter, then upper-case letters, digits or
 * {@code _}, two to ten characters in all), a hyphen and an issue number without leading zeros ({@code GAME-789}).
 * <ul>
 * <li>A key stands on its own: the character before it is not an ASCII letter, digit, {@code _} or {@code -}, and the
 * one after the number is not an ASCII letter, digit or {@code _}. So {@code feature/GAME-12-particles} and
 * {@code (GAME-12)} give {@code GAME-12}, {@code XGAME-12} and {@code GAME-12a} give nothing. Non-ASCII letters are
 * boundaries, so keys in text without spaces ({@code GAME-12を修正}) are found.</li>
 * <li>Keys in code ({@code `UTF-8`}, fenced blocks) are not keys. Keys in URLs are: a link to an issue names it.</li>
 * <li>With a project list, only its projects count — the way to keep {@code UTF-8}, {@code SHA-256} and
 * {@code ISO-8601} out. Without one, every well-formed key counts.</li>
 * <li>In branch names (and only there), a key in lower or mixed case counts when its project is on the list
 * ({@code feature/game-12-particles} gives {@code GAME-12}); without a list it does not, as too many words would.</li>
 * <li>Each key is reported once per text, where it first appears, in order of appearance.</li>
 * </ul>
 */
public final class TaskKeys {

    private static final Pattern KEY = Pattern
            .compile("(?<![A-Za-z0-9_-])([A-Z][A-Z0-9_]{1,9})-([1-9][0-9]{0,9})(?![A-Za-z0-9_])");
    private static final Pattern ANY_CASE = Pattern.compile(
            "(?<![A-Za-z0-9_-])([A-Za-z][A-Za-z0-9_]{1,9})-([1-9][0-9]{0,9})(?![A-Za-z0-9_])");

    private final Set<String> projects;

    /** @param projects the projects to recognise, upper case; empty for every well-formed key */
    public TaskKeys(Set<String> projects) {
        this.projects = Set.copyOf(projects);
    }

    /** @return the keys in a commit message or a pull request's title or description */
    public List<TaskKey> inText(String text) {
        return find(text, KEY);
    }

    /** @return the keys in a branch name */
    public List<TaskKey> inBranch(String branch) {
        return find(branch, projects.isEmpty() ? KEY : ANY_CASE);
    }

    private List<TaskKey> find(String text, Pattern pattern) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        BitSet code = Masks.code(text);
        Map<String, TaskKey> found = new LinkedHashMap<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (code.get(matcher.start())) {
                continue;
            }
            String project = matcher.group(1).toUpperCase(Locale.ROOT);
            if (!projects.isEmpty() && !projects.contains(project)) {
                continue;
            }
            String key = project + "-" + matcher.group(2);
            found.putIfAbsent(key, new TaskKey(key, project, Positions.codePointOffset(text, matcher.start()),
                    Positions.line(text, matcher.start())));
        }
        return new ArrayList<>(found.values());
    }
}
