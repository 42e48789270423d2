package dev.bitbridge.events.build;

import java.util.Optional;

/**
 * The job paths build requests name: a Jenkins job's full name, folders separated by {@code /}
 * ({@code Games/Client}). Each segment is a name Jenkins accepts ({@code Jenkins.checkGoodName}): not empty, not
 * {@code .} or {@code ..}, none of {@code ? * \ % ! @ # $ ^ & | < > [ ] : ;}, no control characters, and no space at
 * either end.
 */
public final class JobPaths {

    public static final int MAX_LENGTH = 1024;
    private static final String UNSAFE = "?*\\%!@#$^&|<>[]:;";

    private JobPaths() {
    }

    /** @return what is wrong with the path, in words that say what to do; empty when it is valid */
    public static Optional<String> problem(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.of("is empty: give the job's full name, folders separated by '/' (e.g. 'Games/Client')");
        }
        if (path.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        if (path.startsWith("job/") || path.contains("/job/")) {
            return Optional.of("looks like a URL path: give the job's full name ('Games/Client', not"
                    + " 'job/Games/job/Client')");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return Optional.of("has an empty folder name (a leading, trailing or doubled '/')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("has a segment '" + segment + "', which Jenkins does not allow as a name");
            }
            if (!segment.equals(segment.strip())) {
                return Optional.of("has a name that starts or ends with a space");
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (UNSAFE.indexOf(c) >= 0 || Character.isISOControl(c)) {
                    return Optional.of("contains '" + (Character.isISOControl(c) ? "a control character" : c)
                            + "', which Jenkins does not allow in a job name");
                }
            }
        }
        return Optional.empty();
    }
}
