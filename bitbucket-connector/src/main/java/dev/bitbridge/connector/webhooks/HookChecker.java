package dev.bitbridge.connector.webhooks;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.repository.ConnectedRepositoryStore;
import dev.bitbridge.connector.repository.RepositoryService;

/**
 * Looks at every automatic hook now and then and repairs the ones someone changed or deleted on Bitbucket: one list
 * call per connected repository per pass ({@code bitbridge.connector.webhooks.check-interval}), and a write only where
 * something drifted. A hook that cannot be checked is marked {@code failed} with the reason, shown in the repository
 * list; the next pass tries again.
 */
@ApplicationScoped
public class HookChecker {

    private static final Logger LOG = Logger.getLogger(HookChecker.class);

    private final ConnectedRepositoryStore connections;
    private final RepositoryService repositories;

    HookChecker(ConnectedRepositoryStore connections, RepositoryService repositories) {
        this.connections = connections;
        this.repositories = repositories;
    }

    @Scheduled(every = "${bitbridge.connector.webhooks.check-interval}", delayed = "${bitbridge.connector.webhooks.check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return checkAll().replaceWithVoid();
    }

    /** @return how many hooks were repaired */
    public Uni<Integer> checkAll() {
        return connections.automatic()
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> repositories.check(row.integration(), row.repository())
                        .onFailure().recoverWithItem(f -> {
                            LOG.warnf("The hook of %s on integration '%s' could not be checked: %s", row.repository(),
                                    row.integration(), f.getMessage());
                            return false;
                        }))
                .collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count())
                .invoke(repaired -> {
                    if (repaired > 0) {
                        LOG.infof("Repaired %d hook(s) that had drifted on Bitbucket", repaired);
                    }
                });
    }
}
