package dev.bitbridge.launcher;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jboss.logging.Logger;

import dev.bitbridge.events.Topics;
import dev.bitbridge.launcher.StatusBoard.State;

/**
 * The long-running process behind {@code ./bitbridge up}: it starts PostgreSQL, Kafka, the topics and the services,
 * in that order, keeps {@code run/status.tsv} current, and on SIGTERM (or Ctrl-C) stops them in the reverse order:
 * services first, so they can finish in-flight work against a live broker and database, then Kafka, then PostgreSQL.
 * <p>
 * Kafka runs inside this JVM (one JVM less, about 300 MB saved, and its lifecycle is simply this process's);
 * PostgreSQL is native and is started and stopped through {@code pg_ctl}; each service is a child JVM, as it would be a
 * container in production. The order is enforced by one shutdown hook that does all the stopping; the libraries' own
 * hooks are not used, since the JVM runs hooks concurrently.
 * <p>
 * A service that ends on its own is reported, not restarted. A service that runs but whose liveness check answers DOWN
 * three times in a row (ten seconds apart, as a Kubernetes liveness probe asks) is restarted ({@link LivenessWatch}),
 * and shown {@code unhealthy} until then. {@code ./bitbridge restart <component>} files a
 * {@link RestartRequests request}: the service is stopped (if still running) and started again with the same
 * configuration, or the Kafka broker is shut down cleanly and started again on the same log directory.
 */
public final class Supervisor {

    private static final Logger LOG = Logger.getLogger(Supervisor.class);
    /** The supervisor's name in the status table and its pid file. */
    public static final String NAME = "supervisor";
    public static final String POSTGRES = "postgres";
    public static final String KAFKA = "kafka";
    private static final Duration KAFKA_START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POSTGRES_START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);

    private final LauncherConfig config;
    private final LauncherHome home;
    private final StatusBoard board;
    private final Object lifecycle = new Object();
    private final Deque<Runnable> stopActions = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bitbridge-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService restarter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bitbridge-restarts");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();
    private final Map<String, ServiceSpec> specs = new ConcurrentHashMap<>();
    private final RestartRequests requests;
    private final LivenessWatch liveness = new LivenessWatch();
    private volatile boolean stopping;
    private volatile boolean failed;
    private PostgresServer postgres;
    private KafkaServer kafka;

    public Supervisor(LauncherConfig config) {
        this.config = config;
        this.home = new LauncherHome(config.home());
        this.board = new StatusBoard(home);
        this.requests = new RestartRequests(home);
    }

    /**
     * Starts everything and blocks until the JVM is asked to stop.
     *
     * @return the process exit code: 0 after a requested stop, 1 if starting failed, 2 if another supervisor runs
     */
    public int run() {
        home.create();
        if (!home.tryLock()) {
            LOG.errorf("Another Bitbridge supervisor is running with the home %s", home.root());
            return 2;
        }
        long pid = ProcessHandle.current().pid();
        List<ServiceSpec> services = ServiceCatalog.services(config, home);
        board.register(NAME, pid, 0);
        board.register(POSTGRES, 0, config.postgresPort());
        board.register(KAFKA, pid, config.kafkaPort());
        services.forEach(s -> board.register(s.name(), 0, s.port(), s.managementPort()));
        // Written after the status table, so whoever sees the pid file also sees this run's table.
        home.writePid(NAME, pid);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "bitbridge-shutdown"));
        LOG.infof("Bitbridge supervisor (pid %d) starting with home %s", pid, home.root());

        String current = NAME;
        try {
            PortCheck.requireFree(PortCheck.required(config, services));
            current = POSTGRES;
            startPostgres(databases(services));
            current = KAFKA;
            startKafka();
            for (ServiceSpec service : services) {
                current = service.name();
                startService(service);
            }
            board.set(NAME, State.READY, "all components ready");
            LOG.info("Bitbridge is ready");
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.infof("Stop requested while starting %s", current);
                return 0;
            }
            failed = true;
            if (e instanceof PortCheck.PortInUseException portInUse) {
                current = portInUse.component;
                LOG.errorf("%s cannot start: %s", current, e.getMessage());
            } else {
                LOG.errorf(e, "%s failed to start", current);
            }
            board.set(current, State.FAILED, e.getMessage());
            board.set(NAME, State.FAILED, current + " failed to start");
            stopAll();
            return 1;
        }
        watchdog.scheduleWithFixedDelay(this::checkPostgres, 5, 5, TimeUnit.SECONDS);
        restarter.scheduleWithFixedDelay(this::serveRestartRequests, 500, 500, TimeUnit.MILLISECONDS);
        long every = LivenessWatch.INTERVAL.toMillis();
        restarter.scheduleWithFixedDelay(this::watchLiveness, every, every, TimeUnit.MILLISECONDS);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Stops whatever was started, newest first; safe to call more than once and from the shutdown hook. */
    void stopAll() {
        stopping = true;
        synchronized (lifecycle) {
            if (stopped.getCount() == 0) {
                return;
            }
            watchdog.shutdownNow();
            restarter.shutdownNow();
            if (!failed) {
                board.set(NAME, State.STOPPING, "stopping services, then Kafka, then PostgreSQL");
            }
            LOG.info("Stopping Bitbridge");
            while (!stopActions.isEmpty()) {
                try {
                    stopActions.pop().run();
                } catch (RuntimeException e) {
                    LOG.error("A component did not stop cleanly", e);
                }
            }
            board.names().stream().filter(n -> board.state(n) == State.STARTING)
                    .forEach(n -> board.set(n, State.STOPPED, "not started"));
            if (!failed) {
                board.set(NAME, State.STOPPED, "-");
            }
            board.setPid(NAME, 0);
            board.setPid(KAFKA, 0);
            home.removePid(NAME);
            LOG.info("Bitbridge stopped");
            stopped.countDown();
        }
    }

    /** @return the databases the services need, each once, in the services' order */
    static List<String> databases(List<ServiceSpec> services) {
        return services.stream().flatMap(s -> s.database().stream()).distinct().toList();
    }

    /** Starts PostgreSQL and creates the databases the services need, so that each service finds its own. */
    private void startPostgres(List<String> databases) {
        synchronized (lifecycle) {
            abortIfStopping();
            postgres = new PostgresServer(home.postgresDataDir(), home.cacheDir().resolve("postgres"),
                    home.logFile(POSTGRES), config.postgresPort());
            stopActions.push(() -> {
                markStopping(POSTGRES);
                postgres.close();
                markStopped(POSTGRES);
            });
            postgres.start(POSTGRES_START_TIMEOUT);
            OptionalLong pid = postgres.pid();
            pid.ifPresent(p -> {
                board.setPid(POSTGRES, p);
                home.writePid(POSTGRES, p);
            });
            databases.forEach(postgres::ensureDatabase);
            // The script prints this detail after up, so it names the databases without keeping a list of its own.
            String names = databases.isEmpty() ? "no database" : "database " + String.join(", ", databases);
            board.set(POSTGRES, State.READY, names + ", user " + PostgresServer.USER);
        }
    }

    private void startKafka() {
        synchronized (lifecycle) {
            abortIfStopping();
            kafka = new KafkaServer(home.kafkaDataDir(), config.kafkaPort(), config.kafkaControllerPort());
            stopActions.push(() -> {
                markStopping(KAFKA);
                kafka.close();
                markStopped(KAFKA);
            });
            boolean formatted = kafka.isFormatted();
            kafka.start(KAFKA_START_TIMEOUT);
            List<String> created;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                TopicCreator topics = new TopicCreator(admin);
                created = topics.createMissing(Topics.ALL);
                // Only topics that existed before: those just created have the spec's limits already, and the broker
                // may not know them yet (it applies what the controller committed a moment later), so describing
                // them could fail with an unknown topic.
                List<String> justCreated = created;
                topics.raiseRecordLimits(Topics.ALL.stream().filter(t -> !justCreated.contains(t.name())).toList());
            }
            board.set(KAFKA, State.READY, (formatted ? "" : "new ") + "cluster " + kafka.clusterId()
                    + ", in the supervisor JVM" + (created.isEmpty() ? "" : ", created " + String.join(" ", created)));
        }
    }

    private void startService(ServiceSpec spec) {
        synchronized (lifecycle) {
            abortIfStopping();
            specs.put(spec.name(), spec);
            // One stop action per service, whichever process runs it when the supervisor stops.
            stopActions.push(() -> {
                markStopping(spec.name());
                ServiceProcess current = services.get(spec.name());
                if (current != null) {
                    current.stop(SERVICE_STOP_GRACE);
                }
                markStopped(spec.name());
            });
        }
        launch(spec);
    }

    /** Starts a service's process and waits until it is ready; the status table follows. */
    private void launch(ServiceSpec spec) {
        ServiceProcess service = new ServiceProcess(spec, home.logFile(spec.name()), home.runDir());
        synchronized (lifecycle) {
            abortIfStopping();
            services.put(spec.name(), service);
            long pid = service.start(exitCode -> {
                State state = board.state(spec.name());
                if (state == State.READY || state == State.UNHEALTHY) {
                    board.set(spec.name(), State.EXITED, "exited with code " + exitCode + "; not restarted, see its"
                            + " log (./bitbridge restart starts it again)");
                    home.removePid(spec.name());
                }
            });
            board.setPid(spec.name(), pid);
            home.writePid(spec.name(), pid);
        }
        // Outside the lock: a stop request must not wait for a slow service to become ready.
        service.awaitReady(config.serviceReadyTimeout());
        liveness.reset(spec.name());
        board.set(spec.name(), State.READY, spec.healthUrl());
        LOG.infof("%s is ready on port %d (management port %d)", spec.name(), spec.port(), spec.managementPort());
    }

    /**
     * Asks every running service's liveness check: DOWN shows it {@code unhealthy}, three DOWN answers in a row restart
     * it, UP shows it ready again. Runs on the restart thread, so that it never overlaps a requested restart.
     */
    private void watchLiveness() {
        for (ServiceSpec spec : specs.values()) {
            String name = spec.name();
            State state = board.state(name);
            if (stopping || (state != State.READY && state != State.UNHEALTHY)) {
                continue;
            }
            LivenessWatch.Verdict verdict = liveness.check(name, LivenessWatch.url(spec.managementPort()));
            switch (verdict.kind()) {
                case UP -> {
                    if (state == State.UNHEALTHY) {
                        LOG.infof("%s is live again", name);
                        board.set(name, State.READY, spec.healthUrl());
                    }
                }
                case DOWN -> {
                    LOG.warnf("%s: %s", name, verdict.detail());
                    board.set(name, State.UNHEALTHY, verdict.detail());
                }
                case RESTART -> {
                    LOG.errorf("%s: %s; restarting it", name, verdict.detail());
                    try {
                        restart(name, "restarting: " + verdict.detail());
                    } catch (RuntimeException e) {
                        if (!stopping) {
                            LOG.errorf(e, "%s did not restart", name);
                            board.set(name, State.FAILED, "restart failed: " + e.getMessage());
                        }
                    }
                }
                case NO_ANSWER -> {
                    // busy or gone: a gone process is reported by its exit, a busy one is left alone
                }
            }
        }
    }

    /** Serves the restart requests filed since the last look, one after the other. */
    private void serveRestartRequests() {
        for (String component : requests.pending()) {
            if (stopping) {
                return;
            }
            try {
                restart(component, "restarting on request");
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.errorf(e, "%s did not restart", component);
                board.set(component, State.FAILED, "restart failed: " + e.getMessage());
            } finally {
                requests.taken(component);
            }
        }
    }

    private void restart(String component, String reason) {
        if (KAFKA.equals(component)) {
            restartKafka();
            return;
        }
        ServiceSpec spec = specs.get(component);
        if (spec == null) {
            LOG.errorf("A restart of '%s' was requested; this supervisor runs %s and %s", component, KAFKA,
                    String.join(", ", specs.keySet()));
            return;
        }
        LOG.infof("Restarting %s (%s)", component, reason);
        ServiceProcess old;
        synchronized (lifecycle) {
            abortIfStopping();
            board.set(component, State.STARTING, reason);
            old = services.get(component);
        }
        requests.taken(component);
        if (old != null) {
            old.stop(SERVICE_STOP_GRACE);
        }
        board.setPid(component, 0);
        home.removePid(component);
        launch(spec);
    }

    /** Shuts the broker down cleanly and starts it again on the same log directory and ports. */
    private void restartKafka() {
        synchronized (lifecycle) {
            abortIfStopping();
            LOG.info("Restarting Kafka on request");
            board.set(KAFKA, State.STARTING, "restarting on request");
            requests.taken(KAFKA);
            kafka.close();
            kafka.start(KAFKA_START_TIMEOUT);
            board.set(KAFKA, State.READY, "cluster " + kafka.clusterId() + ", in the supervisor JVM, restarted on"
                    + " request");
        }
    }

    /** PostgreSQL is not our child, so nothing tells us when it ends; look every few seconds. */
    private void checkPostgres() {
        if (stopping || board.state(POSTGRES) != State.READY) {
            return;
        }
        OptionalLong pid = postgres.pid();
        boolean alive = pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            LOG.errorf("PostgreSQL is no longer running; see %s", home.logFile(POSTGRES));
            board.set(POSTGRES, State.EXITED, "the postmaster is gone; see its log");
        }
    }

    private void abortIfStopping() {
        if (stopping) {
            throw new IllegalStateException("stopping");
        }
    }

    private void markStopping(String name) {
        if (board.state(name) != State.FAILED) {
            board.set(name, State.STOPPING, "-");
        }
    }

    private void markStopped(String name) {
        if (board.state(name) != State.FAILED) {
            board.set(name, State.STOPPED, "-");
        }
        board.setPid(name, 0);
        home.removePid(name);
    }
}
