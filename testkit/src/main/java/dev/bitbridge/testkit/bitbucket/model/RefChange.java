package dev.bitbridge.testkit.bitbucket.model;

import java.util.List;

/**
 * One ref a push moved, as both Bitbucket flavors report it.
 *
 * @param type {@code branch} or {@code tag}
 * @param name the branch or tag name, e.g. {@code feature/x}
 * @param oldHash the commit it pointed at before, {@code null} when created
 * @param newHash the commit it points at now, {@code null} when deleted
 * @param oldTag the annotated tag object it was, else {@code null}
 * @param newTag the annotated tag object it is, else {@code null}
 * @param forced whether a branch moved to a commit that does not contain its old one (not a fast-forward)
 */
public record RefChange(String type, String name, String oldHash, String newHash, AnnotatedTag oldTag,
        AnnotatedTag newTag, boolean forced) {

    public boolean branch() {
        return "branch".equals(type);
    }

    /**
     * The commits a push event lists for this change, newest first: what the new head has that the old one had not
     * ({@code git log new ^old}); for a created branch its whole history, since Bitbucket does not leave out commits
     * that other branches already have (the created branch of {@code jenkins-bbs/cloud/multipleChangesPayload.json}
     * lists the old head of {@code main}; {@code jenkins-bbs/server/pushPayload_v10.json} lists a new branch down to
     * the root commit). Tags and deletions list none.
     */
    public List<Commit> commits(Repo repo) {
        if (!branch() || newHash == null) {
            return List.of();
        }
        return repo.log(List.of(newHash), oldHash == null ? List.of() : List.of(oldHash));
    }
}
