package dev.bitbridge.testkit.jenkins;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Patterns over raw request paths: {@code *} matches within one segment, {@code **} across segments, the rest
 * literally. {@code /job/app/*}{@code /api/json} matches every build poll of {@code app}, {@code /queue/item/**} every
 * queue poll.
 */
final class PathGlob {

    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private PathGlob() {
    }

    static boolean matches(String glob, String path) {
        return CACHE.computeIfAbsent(glob, PathGlob::compile).matcher(path).matches();
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
