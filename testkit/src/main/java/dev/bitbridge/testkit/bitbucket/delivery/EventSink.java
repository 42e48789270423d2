package dev.bitbridge.testkit.bitbucket.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.model.Repo;

/** Where the simulator's parts send the events that happen to a repository. */
@FunctionalInterface
public interface EventSink {

    /** Delivers the event to every active hook of the repository that subscribes to its key. */
    void emit(Repo repo, String eventKey, ObjectNode body);
}
