package dev.bitbridge.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.events.webhook.RawWebhookEvent;

/**
 * The baseline: what a bare {@link KafkaProducer} with the ingress's settings achieves on this machine and broker,
 * with the same bodies, the same keys, CloudEvents headers like the ingress's, and at most {@code C} records
 * outstanding, so the ingress can be judged as a fraction of it.
 */
public final class ProducerBaseline implements AutoCloseable {

    /** Name of the thread that calls {@code send}, so its CPU is counted as the producer's. */
    static final String THREAD = "baseline-producer-send";

    private final KafkaProducer<byte[], byte[]> producer;
    private final Map<String, Object> settings;
    private final String topic;
    private final PayloadSet payloads;
    private final List<byte[]> keys = new ArrayList<>();
    private final String integration;
    private final CpuSampler cpu;

    /**
     * @param bootstrapServers the broker
     * @param topic where to write
     * @param integration integration name for keys and {@code ce_source}
     * @param payloads the bodies
     * @param overrides producer settings to change, e.g. {@code linger.ms}
     * @param cpu samples CPU use around the window
     */
    public ProducerBaseline(String bootstrapServers, String topic, String integration, PayloadSet payloads,
            Map<String, String> overrides, CpuSampler cpu) {
        this.topic = topic;
        this.payloads = payloads;
        this.integration = integration;
        this.cpu = cpu;
        for (WebhookPayload payload : payloads.payloads()) {
            keys.add(RecordKeys.of(integration, payload.repositoryFullName()).getBytes(StandardCharsets.UTF_8));
        }
        this.settings = settings(bootstrapServers, overrides);
        this.producer = new KafkaProducer<>(settings);
    }

    /**
     * The settings of the ingress's producer, as {@code webhook-ingress/src/main/resources/application.properties}
     * sets them for channel {@code raw-webhooks} (keys serialised to the same UTF-8 bytes its StringSerializer
     * writes), then the overrides.
     */
    static Map<String, Object> settings(String bootstrapServers, Map<String, String> overrides) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "bitbridge-bench-baseline");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(Topics.WEBHOOKS_V1_MAX_RECORD_BYTES));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1000");
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "2500");
        settings.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "100");
        settings.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        settings.putAll(overrides);
        return settings;
    }

    /** @return the settings in use, for the summary */
    public Map<String, Object> settings() {
        Map<String, Object> shown = new LinkedHashMap<>(settings);
        shown.remove(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        shown.remove(ProducerConfig.CLIENT_ID_CONFIG);
        shown.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        shown.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return shown;
    }

    /**
     * Sends as fast as acknowledgements allow, never more than {@code concurrency} unacknowledged.
     *
     * @param phase the phase's name
     * @param concurrency C
     * @param duration how long to send
     * @return records acknowledged inside the window
     */
    public LoadResult run(String phase, int concurrency, Duration duration) throws InterruptedException {
        StatusTally tally = new StatusTally();
        Recorder latency = new Recorder(LatencyStats.SIGNIFICANT_DIGITS);
        Semaphore window = new Semaphore(concurrency);
        AtomicLong sent = new AtomicLong();
        LongAdder late = new LongAdder();
        CpuSampler.Snapshot cpuBefore = cpu.snapshot();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Header> fixed = List.of(
                header(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION),
                header(CloudEvents.HEADER_SOURCE, CloudEvents.sourceOf(integration)),
                header(CloudEvents.HEADER_TYPE, RawWebhookEvent.typeOf(BitbucketFlavor.CLOUD, "repo:push")),
                header(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON),
                header(CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_INTEGRATION, integration),
                header(CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_FLAVOR, BitbucketFlavor.CLOUD.id()),
                header(CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_EVENT_KEY, "repo:push"),
                header(CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_HOOK_UUID, WebhookSender.HOOK_UUID),
                header(CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_ATTEMPT, "1"));

        Thread sender = new Thread(() -> {
            try {
                while (true) {
                    if (!window.tryAcquire(end - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                        return;
                    }
                    long began = System.nanoTime();
                    if (began >= end) {
                        window.release();
                        return;
                    }
                    long i = sent.getAndIncrement();
                    int index = (int) Math.floorMod(i, (long) keys.size());
                    WebhookPayload payload = payloads.payloads().get(index);
                    List<Header> headers = new ArrayList<>(fixed.size() + 3);
                    headers.addAll(fixed);
                    headers.add(header(CloudEvents.HEADER_ID, RandomIds.uuid()));
                    headers.add(header(CloudEvents.HEADER_TIME, Instant.now().toString()));
                    headers.add(header(CloudEvents.HEADER_SUBJECT, payload.repositoryFullName()));
                    try {
                        producer.send(new ProducerRecord<>(topic, null, keys.get(index), payload.body(), headers),
                                (metadata, error) -> {
                                    long now = System.nanoTime();
                                    if (now <= end) {
                                        tally.record(error == null ? Outcome.acknowledged() : Outcome.failed(error));
                                        latency.recordValue(Math.max(0, (now - began) / 1000));
                                    } else {
                                        late.increment();
                                    }
                                    window.release();
                                });
                    } catch (RuntimeException e) {
                        tally.record(Outcome.failed(e));
                        window.release();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, THREAD);
        sender.start();
        Pacing.sleepUntil(end);
        CpuSplit split = cpu.since(cpuBefore);
        sender.join();
        producer.flush();
        boolean drained = window.tryAcquire(concurrency, 60, TimeUnit.SECONDS);
        if (drained) {
            window.release(concurrency);
        }
        return new LoadResult(phase, duration, sent.get(), tally, LatencyStats.of(latency.getIntervalHistogram()),
                late.sum(), drained ? 0 : concurrency - window.availablePermits(), split, "");
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

}
