package dev.bitbridge.analyzer.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A branch (or tag) pattern: {@code *} matches any characters within one {@code /}-separated segment, {@code **} any
 * characters across segments ({@code **} alone matches every branch, {@code release/**} everything under
 * {@code release/}), {@code ?} one character other than {@code /}; everything else matches itself, case-sensitively as
 * git does. Character classes ({@code [abc]}) are not supported.
 */
public final class BranchGlob {

    private final String glob;
    private final Pattern pattern;

    private BranchGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    /** @return the glob, or what is wrong with it (in words that say what to do) */
    public static Parsed parse(String glob) {
        Optional<String> problem = problem(glob);
        if (problem.isPresent()) {
            return new Parsed(null, problem.get());
        }
        return new Parsed(new BranchGlob(glob, Pattern.compile(toRegex(glob))), null);
    }

    /** @throws IllegalArgumentException when the glob is invalid */
    public static BranchGlob of(String glob) {
        Parsed parsed = parse(glob);
        if (parsed.glob() == null) {
            throw new IllegalArgumentException(parsed.problem());
        }
        return parsed.glob();
    }

    public boolean matches(String branch) {
        return branch != null && pattern.matcher(branch).matches();
    }

    @Override
    public String toString() {
        return glob;
    }

    private static Optional<String> problem(String glob) {
        if (glob == null || glob.isBlank()) {
            return Optional.of("is empty: give a branch name or a pattern such as 'main', 'release/*' or '**'");
        }
        if (glob.length() > 255) {
            return Optional.of("is longer than 255 characters");
        }
        if (glob.startsWith("refs/")) {
            return Optional.of("starts with 'refs/': give the short name ('main', not 'refs/heads/main')");
        }
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.of("contains a space or control character, which no git branch name has");
            }
            if ("[]\\~^:".indexOf(c) >= 0) {
                return Optional.of("contains '" + c + "': git branch names cannot, and character classes are not"
                        + " supported (use '*', '**' or '?')");
            }
        }
        if (glob.contains("***")) {
            return Optional.of("contains '***': use '*' within a segment or '**' across segments");
        }
        if (glob.startsWith("/") || glob.endsWith("/") || glob.contains("//")) {
            return Optional.of("has an empty path segment (a leading, trailing or doubled '/')");
        }
        return Optional.empty();
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                regex.append("(?:.*/)?"); // zero or more whole segments
                i += 3;
            } else if (glob.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }

    /**
     * @param glob the glob when valid
     * @param problem what is wrong, when not
     */
    public record Parsed(BranchGlob glob, String problem) {
    }
}
