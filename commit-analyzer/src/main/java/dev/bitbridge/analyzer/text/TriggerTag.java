package dev.bitbridge.analyzer.text;

/**
 * A trigger tag found in a text.
 *
 * @param kind what it asks for
 * @param job for {@link Kind#NAMED_JOB}: the job path as written ({@code Games/Client}); else null
 * @param written the tag as written ({@code #jenkins:Games/Client})
 * @param offset where it starts, in code points from 0
 */
public record TriggerTag(Kind kind, String job, String written, int offset) {

    public enum Kind {
        /** {@code #ci} or {@code #build}: the repository's default build. */
        DEFAULT_BUILD,
        /** {@code #jenkins}: the Jenkins target's default job. */
        DEFAULT_JENKINS_JOB,
        /** {@code #jenkins:JobName}: that job. */
        NAMED_JOB
    }
}
