package dev.bitbridge.testkit.bitbucket.model;

/**
 * One version of a file in a commit's tree. The simulator keeps no file contents, only what diffs report.
 *
 * @param lineage the identity of the file across renames (git would find it by content similarity)
 * @param contentId the blob id of this version (Data Center's {@code contentId})
 * @param lines its length in lines
 * @param addedTotal lines ever added to this lineage, counted along the history that led here
 * @param removedTotal lines ever removed from it: diffs between two versions of one lineage count lines by the
 *        difference of these totals, which is exact for one commit and for a straight line of commits
 */
public record FileVersion(String lineage, String contentId, int lines, long addedTotal, long removedTotal) {
}
