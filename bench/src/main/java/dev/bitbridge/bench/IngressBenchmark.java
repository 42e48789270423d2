package dev.bitbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import dev.bitbridge.events.Topics;
import dev.bitbridge.testkit.EmbeddedKafka;

/**
 * One benchmark run of the webhook ingress: a real Kafka broker, the ingress jar as a child JVM, then
 * <ol>
 * <li>warm-up and closed-loop throughput with {@code C} keep-alive connections (202s per second),</li>
 * <li>open-loop latency at a fixed rate, measured from intended send times,</li>
 * <li>a plain {@code KafkaProducer} with the same settings, payloads, keys and bound {@code C} as the baseline,</li>
 * </ol>
 * and a summary on stdout and in {@code bench/target/bench-result.txt}. Exits non-zero only when the harness itself
 * fails; missed targets are results.
 */
public final class IngressBenchmark {

    /** Sibling of the webhooks topic that the baseline producer writes to, so the ingress's topic stays clean. */
    static final String BASELINE_TOPIC = Topics.WEBHOOKS_V1 + ".bench-baseline";

    private final BenchOptions options;

    IngressBenchmark(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Harness.main(args, BenchOptions::wantsHelp, BenchOptions.USAGE, a -> new IngressBenchmark(BenchOptions.parse(a))::run);
    }

    void run() throws Exception {
        if (options.ingressUrl() == null && !Files.isRegularFile(options.ingressJar())) {
            throw new IllegalStateException("No ingress jar at " + options.ingressJar()
                    + ". Build it first: ./mvnw -q -B install -DskipTests -pl webhook-ingress -am");
        }
        MachineInfo machine = MachineInfo.current();
        log("machine: " + machine.describe() + "; " + machine.jvm());
        PayloadSet payloads = PushPayloads.load(options.fixtures(), options.payload(), options.repositories());
        log(String.format(Locale.ROOT, "payload: %s, %d bytes, %d repositories", payloads.origin(),
                payloads.meanSize(), payloads.payloads().size()));

        String bootstrap = options.bootstrapServers();
        String kafka;
        Path kafkaDir = options.root().resolve("bench/target/kafka-tmp");
        if (bootstrap == null) {
            // EmbeddedKafka keeps its log under java.io.tmpdir: a full run writes a few GB, so use a directory of
            // our own and remove it afterwards.
            Harness.deleteRecursively(kafkaDir);
            Files.createDirectories(kafkaDir);
            System.setProperty("java.io.tmpdir", kafkaDir.toString());
            log("starting an in-process Kafka broker (testkit EmbeddedKafka, data in " + kafkaDir + ")");
            bootstrap = EmbeddedKafka.shared().bootstrapServers();
            kafka = "in-process single-node KRaft broker (testkit EmbeddedKafka) at " + bootstrap;
        } else {
            kafka = "external broker at " + bootstrap;
        }
        log("Kafka: " + kafka);

        CpuSampler cpu = new CpuSampler();
        List<String> notes = new ArrayList<>();
        LoadResult warmup = null;
        LoadResult throughput;
        LoadResult latency;
        long recordsWritten;
        long accepted202;
        int partitions;
        String ingressDescription;
        IngressProcess child = null;
        try (KafkaTopics topics = new KafkaTopics(bootstrap)) {
            String baseUrl;
            if (options.ingressUrl() == null) {
                log("starting the ingress: " + options.ingressJar() + " (log: " + options.ingressLog() + ")");
                long began = System.nanoTime();
                child = IngressProcess.start(options, bootstrap);
                baseUrl = child.baseUrl();
                cpu.follow(ProcessHandle.of(child.pid()).orElse(null));
                ingressDescription = String.format(Locale.ROOT, "child JVM `java %s -jar %s` (ready in %.1f s, log %s)",
                        String.join(" ", IngressProcess.jvmArgs(options)), options.root().relativize(
                                options.ingressJar().toAbsolutePath().normalize()),
                        (System.nanoTime() - began) / 1e9, options.root().relativize(
                                options.ingressLog().toAbsolutePath().normalize()));
                log("ingress ready at " + baseUrl + " (management interface " + child.managementUrl() + ")");
            } else {
                baseUrl = options.ingressUrl();
                log("waiting for the ingress at " + baseUrl + " to be ready at " + options.managementUrl()
                        + IngressReadiness.PATH);
                IngressReadiness.await(options.managementUrl(), options.readyTimeout(), null,
                        "is --management-url right?");
                ingressDescription = "already running at " + baseUrl + ", management interface "
                        + options.managementUrl() + " (its CPU is not measured)";
            }
            partitions = topics.partitions(Topics.WEBHOOKS_V1);
            long recordsBefore = Math.max(0, topics.records(Topics.WEBHOOKS_V1));

            Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.clientThreads()));
            WebhookSender sender = new WebhookSender(vertx, baseUrl, options.integration(), options.token(),
                    new HmacSigner(options.secret()), payloads, options.concurrency());
            try {
                Outcome first = sender.send(-1).toCompletionStage().toCompletableFuture().get();
                log("first request: " + (first.accepted() ? "202" : StatusTally.kindOf(first) + " " + first.detail()));
                if (!first.accepted()) {
                    notes.add("the first request was not accepted: " + StatusTally.kindOf(first) + " "
                            + first.detail());
                }
                ClosedLoopLoad closedLoop = new ClosedLoopLoad(vertx, sender, options.concurrency(), cpu);
                if (!options.warmup().isZero()) {
                    log("warm-up: closed loop, C=" + options.concurrency() + ", " + human(options.warmup()));
                    warmup = closedLoop.run("warm-up", options.warmup());
                    log(summaryLine(warmup, "req/s"));
                }
                log("throughput: closed loop, C=" + options.concurrency() + ", " + human(options.duration()));
                throughput = closedLoop.run("throughput", options.duration());
                log(summaryLine(throughput, "req/s"));
                Thread.sleep(1000);
                log("latency: open loop at " + options.rate() + " req/s, " + human(options.latencyDuration()));
                latency = new OpenLoopLoad(vertx, sender, cpu).run("latency", options.rate(),
                        options.latencyDuration(), options.clientThreads());
                log("latency: " + latency.latency().describe());
                accepted202 = sender.acceptedTotal();
            } finally {
                sender.close();
                vertx.close().toCompletionStage().toCompletableFuture().join();
            }
            recordsWritten = topics.records(Topics.WEBHOOKS_V1) - recordsBefore;
            if (child != null) {
                log("stopping the ingress so the baseline has the machine to itself");
                child.close();
                cpu.follow(null);
            }

            if (partitions < 1) {
                partitions = Topics.WEBHOOKS_V1_SPEC.partitions();
                notes.add("the ingress created no " + Topics.WEBHOOKS_V1 + " topic; baseline used "
                        + partitions + " partitions");
            }
            topics.create(BASELINE_TOPIC, partitions, Topics.WEBHOOKS_V1_SPEC);
            LoadResult producerResult;
            Map<String, Object> producerSettings;
            try (ProducerBaseline baseline = new ProducerBaseline(bootstrap, BASELINE_TOPIC, options.integration(),
                    payloads, options.producerOverrides(), cpu)) {
                producerSettings = baseline.settings();
                if (!options.producerWarmup().isZero()) {
                    log("baseline warm-up: plain KafkaProducer, <= " + options.concurrency() + " outstanding, "
                            + human(options.producerWarmup()));
                    log(summaryLine(baseline.run("producer warm-up", options.concurrency(), options.producerWarmup()),
                            "records/s"));
                }
                log("baseline: plain KafkaProducer, <= " + options.concurrency() + " outstanding, "
                        + human(options.producerDuration()));
                producerResult = baseline.run("producer", options.concurrency(), options.producerDuration());
                log(summaryLine(producerResult, "records/s"));
            } finally {
                topics.deleteQuietly(BASELINE_TOPIC);
            }

            BenchReport report = new BenchReport(options, machine, payloads, kafka, partitions, ingressDescription,
                    warmup, throughput, latency, producerResult, producerSettings, recordsWritten, accepted202, notes);
            String text = report.render();
            Harness.summary(text);
            Harness.write(options.resultFile(), text);
        } finally {
            if (child != null) {
                child.close();
            }
            if (options.bootstrapServers() == null) {
                EmbeddedKafka.shared().stop();
                Harness.deleteRecursively(kafkaDir);
            }
        }
    }

    private static String summaryLine(LoadResult result, String unit) {
        return String.format(Locale.ROOT, "%s: %,.0f %s accepted, %,d not accepted; %s", result.phase(),
                result.acceptedPerSecond(), unit, result.tally().rejected(), result.latency().describe());
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static void log(String message) {
        Harness.log(message);
    }
}
