package dev.bitbridge.testkit.jenkins;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A buildable job: a Pipeline ({@code WorkflowJob}, also every branch job of a multibranch project) or a freestyle
 * project, with its string parameters, builds (numbered from 1) and switches: disabled (a trigger answers 409), a
 * remote trigger token ({@code ?token=}), a veto on scheduling (a trigger answers 302 to the job page).
 */
final class Job extends TreeItem {

    enum Kind {
        PIPELINE("org.jenkinsci.plugins.workflow.job.WorkflowJob", "org.jenkinsci.plugins.workflow.job.WorkflowRun"),
        FREESTYLE("hudson.model.FreeStyleProject", "hudson.model.FreeStyleBuild");

        private final String jobClass;
        private final String runClass;

        Kind(String jobClass, String runClass) {
            this.jobClass = jobClass;
            this.runClass = runClass;
        }
    }

    private final Kind kind;
    private final List<JobParameter> parameters;
    private final List<Build> builds = new ArrayList<>();
    private final List<Build> newestFirst = new NewestFirst();
    private final BuildPlan plan = new BuildPlan();
    private int nextBuildNumber = 1;
    private boolean disabled;
    private boolean vetoed;
    private String authToken;

    Job(String name, Folder parent, Kind kind, List<JobParameter> parameters) {
        super(name, parent);
        this.kind = kind;
        this.parameters = new ArrayList<>(parameters);
    }

    Kind kind() {
        return kind;
    }

    @Override
    String className() {
        return kind.jobClass;
    }

    String runClassName() {
        return kind.runClass;
    }

    List<JobParameter> parameters() {
        return parameters;
    }

    /** @return whether it has a {@code ParametersDefinitionProperty} */
    boolean parameterised() {
        return !parameters.isEmpty();
    }

    JobParameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    void parameterDefault(String name, String value) {
        JobParameter existing = parameter(name);
        if (existing == null) {
            throw new IllegalArgumentException(fullName() + " has no parameter " + name);
        }
        parameters.set(parameters.indexOf(existing), new JobParameter(name, value));
    }

    BuildPlan plan() {
        return plan;
    }

    boolean disabled() {
        return disabled;
    }

    void disabled(boolean disabled) {
        this.disabled = disabled;
    }

    boolean vetoed() {
        return vetoed;
    }

    void vetoed(boolean vetoed) {
        this.vetoed = vetoed;
    }

    String authToken() {
        return authToken;
    }

    void authToken(String token) {
        this.authToken = token;
    }

    int nextBuildNumber() {
        return nextBuildNumber;
    }

    /** Starts the build of a queue item that got an executor. */
    Build start(QueueItem item, long at, Duration defaultDuration) {
        Build build = new Build(this, nextBuildNumber++, item, at, plan.durationOr(defaultDuration), plan.nextResult(),
                plan.resultShownAfter());
        builds.add(build);
        return build;
    }

    /**
     * @return its builds, newest first: a read-only view, not a copy (a job may have thousands of builds, and every
     *         build's JSON looks at its recent ones); read it while holding the model
     */
    List<Build> builds() {
        return newestFirst;
    }

    Build build(int number) {
        // numbered from 1 in the order they start, and never removed: build n is at n - 1
        if (number >= 1 && number <= builds.size() && builds.get(number - 1).number() == number) {
            return builds.get(number - 1);
        }
        return builds.stream().filter(b -> b.number() == number).findFirst().orElse(null);
    }

    /** {@link #builds} in reverse, without copying. */
    private final class NewestFirst extends AbstractList<Build> implements RandomAccess {

        @Override
        public Build get(int index) {
            return builds.get(builds.size() - 1 - index);
        }

        @Override
        public int size() {
            return builds.size();
        }
    }
}
