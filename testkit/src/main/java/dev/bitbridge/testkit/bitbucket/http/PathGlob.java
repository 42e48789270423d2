package dev.bitbridge.testkit.bitbucket.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Path patterns for counting requests and aiming faults, in both simulators: {@code *} matches within one path segment,
 * {@code **} across segments; everything else literally. {@code /2.0/repositories/acme/api/diffstat/**} matches every
 * diffstat call of that repository, {@code /job/app/*}{@code /api/json} every build poll of the Jenkins job {@code app}.
 */
public final class PathGlob {

    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private PathGlob() {
    }

    public static boolean matches(String glob, String path) {
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
