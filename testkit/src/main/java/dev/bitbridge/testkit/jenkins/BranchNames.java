package dev.bitbridge.testkit.jenkins;

/**
 * How branch-api names the job of a branch in a multibranch project ({@code jenkins.branch.NameEncoder}, jenkins.md
 * "Triggering"): {@code / ? # [ ] \ %} are escaped ({@code feature/foo} is the job {@code feature%2Ffoo}), a name that is
 * exactly {@code .} or {@code ..} becomes {@code %2E} or {@code %2E.}, the empty name {@code %00}; every other
 * character, dots inside a name included, is kept. The job's URL segment is that name URL-encoded once more
 * ({@code feature%252Ffoo}).
 * <p>
 * For the simulator and its tests only: production code must compute job names itself, so that a simulator bug cannot
 * hide a production one.
 */
public final class BranchNames {

    private BranchNames() {
    }

    /** @return the job name branch-api gives the branch */
    public static String encode(String branch) {
        if (branch.isEmpty()) {
            return "%00";
        }
        if (branch.equals(".")) {
            return "%2E";
        }
        if (branch.equals("..")) {
            return "%2E.";
        }
        StringBuilder out = new StringBuilder(branch.length() + 16);
        for (char c : branch.toCharArray()) {
            switch (c) {
                case '#' -> out.append("%23");
                case '%' -> out.append("%25");
                case '/' -> out.append("%2F");
                case '?' -> out.append("%3F");
                case '[' -> out.append("%5B");
                case ']' -> out.append("%5D");
                case '\\' -> out.append("%5C");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
