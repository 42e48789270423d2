package dev.bitbridge.trigger.manual;

import java.util.Optional;

/**
 * Branch names as git accepts them ({@code git check-ref-format --branch}): no control characters, spaces or any of
 * {@code ~ ^ : ? * [ \}, no {@code ..} or {@code @}{@code {}, no empty component ({@code //}, a leading or trailing
 * {@code /}), no component starting with {@code .} or ending in {@code .lock}, not ending in {@code .}, not {@code @}.
 * Given without {@code refs/heads/}.
 */
final class BranchNames {

    static final int MAX_LENGTH = 255;
    private static final String FORBIDDEN = "~^:?*[\\";

    private BranchNames() {
    }

    /** @return what is wrong with the name, in words that say what to do; empty when git accepts it */
    static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("is empty: give the branch's name, e.g. 'main'");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        if (name.startsWith("refs/")) {
            return Optional.of("must be the branch's name without refs/heads/, e.g. 'main'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == 0x7f || FORBIDDEN.indexOf(c) >= 0) {
                return Optional.of("contains " + (c <= ' ' || c == 0x7f ? "a space or control character"
                        : "'" + c
                                + "'")
                        + ", which git does not allow in a branch name");
            }
        }
        if (name.contains("..") || name.contains("@{") || name.equals("@") || name.endsWith(".")) {
            return Optional.of("is not a name git allows ('..', '@{', '@' alone or a trailing '.')");
        }
        for (String component : name.split("/", -1)) {
            if (component.isEmpty() || component.startsWith(".") || component.endsWith(".lock")) {
                return Optional.of("has an empty part (a leading, trailing or doubled '/'), or a part starting"
                        + " with '.' or ending in '.lock', which git does not allow");
            }
        }
        return Optional.empty();
    }
}
