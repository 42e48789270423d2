package dev.bitbridge.trigger.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import dev.bitbridge.trigger.config.TriggerConfig;
import dev.bitbridge.trigger.dispatch.Dispatcher;
import dev.bitbridge.trigger.outbox.BuildEventPublisher;
import dev.bitbridge.trigger.schedule.SchedulePoller;

/**
 * Down when one of build-trigger's loops is stuck: a dispatch, publishing or schedule pass running for longer than twice
 * the longest lease (its calls time out long before), or no pass ended for twenty poll intervals (the scheduler
 * stopped). Builds, their records and schedules are in PostgreSQL, so a restart, the remedy, loses nothing.
 */
@Liveness
@ApplicationScoped
public class TriggerLiveness implements HealthCheck {

    private final Dispatcher dispatcher;
    private final BuildEventPublisher publisher;
    private final SchedulePoller schedules;
    private final Duration stuckAfter;
    private final Duration silentAfter;

    TriggerLiveness(Dispatcher dispatcher, BuildEventPublisher publisher, SchedulePoller schedules,
            TriggerConfig config) {
        this.dispatcher = dispatcher;
        this.publisher = publisher;
        this.schedules = schedules;
        TriggerConfig.Dispatch dispatch = config.dispatch();
        // The longest lease, a cancel's (DueBuilds): recover-after plus six calls' timeouts.
        this.stuckAfter = dispatch.recoverAfter().plus(dispatch.requestTimeout().multipliedBy(6)).multipliedBy(2);
        Duration poll = dispatch.pollInterval().compareTo(config.schedules().pollInterval()) > 0
                ? dispatch.pollInterval()
                : config.schedules().pollInterval();
        this.silentAfter = poll.multipliedBy(20).plus(Duration.ofSeconds(30));
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Optional<String>> loops = new LinkedHashMap<>();
        loops.put("dispatch", dispatcher.problem(stuckAfter, silentAfter));
        loops.put("publishing", publisher.problem(stuckAfter, silentAfter));
        loops.put("schedules", schedules.problem(stuckAfter, silentAfter));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("build-trigger loops").up();
        loops.forEach((loop, problem) -> problem.ifPresent(p -> response.down().withData(loop, p)));
        return response.build();
    }
}
