package dev.bitbridge.trigger.jenkins;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a job lives in Jenkins' URL space (jenkins.md, "Triggering"): {@code Games/Client} is
 * {@code /job/Games/job/Client/}, each segment URL-encoded as a path segment. The job of a branch in a multibranch
 * project is named by branch-api's {@code NameEncoder} first — {@code / ? # [ ] \ %} escaped, so {@code feature/foo}
 * is the job {@code feature%2Ffoo} — and that name is then URL-encoded like any other, which encodes it twice
 * ({@code /job/repo/job/feature%252Ffoo/}).
 */
public final class JobUrls {

    private JobUrls() {
    }

    /**
     * @param base the Jenkins base URL, with or without a trailing {@code /}
     * @param jobPath the job's full name, folders separated by {@code /}
     * @return the job's URL, ending in {@code /}
     */
    public static String job(String base, String jobPath) {
        StringBuilder url = new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        for (String segment : jobPath.split("/")) {
            url.append("/job/").append(segment(segment));
        }
        return url.append('/').toString();
    }

    /**
     * @param base the Jenkins base URL
     * @param multibranchPath the multibranch project's full name
     * @param branch the branch, as git names it
     * @return the URL of the branch's job
     */
    public static String branchJob(String base, String multibranchPath, String branch) {
        return job(base, multibranchPath) + "job/" + segment(branchJobName(branch)) + "/";
    }

    /** @return the job name branch-api gives a branch ({@code jenkins.branch.NameEncoder}) */
    public static String branchJobName(String branch) {
        if (branch.isEmpty()) {
            return "%00";
        }
        if (branch.equals(".") || branch.equals("..")) {
            return "%2E" + branch.substring(1);
        }
        StringBuilder name = new StringBuilder();
        for (char c : branch.toCharArray()) {
            if ("/?#[]\\%".indexOf(c) >= 0) {
                name.append('%').append(String.format("%02X", (int) c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    /** @return a name as one URL path segment: percent-encoded UTF-8, spaces as {@code %20} */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
