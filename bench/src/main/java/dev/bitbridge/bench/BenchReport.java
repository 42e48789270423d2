package dev.bitbridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary a run prints and writes: setup, the three measured figures, the targets, CPU per accepted webhook and
 * per baseline record, errors and CPU split.
 *
 * @param options the run's options
 * @param machine the machine
 * @param payloads the bodies sent
 * @param kafka how Kafka ran, e.g. {@code in-process (testkit EmbeddedKafka) at localhost:1234}
 * @param partitions partitions of the webhooks topic
 * @param ingress how the ingress ran
 * @param warmup the ingress warm-up, not counted
 * @param throughput the closed-loop phase
 * @param latency the open-loop phase
 * @param producer the plain-producer phase, or {@code null} when it could not run
 * @param producerSettings the baseline producer's settings
 * @param recordsWritten records the webhooks topic gained while the ingress ran
 * @param accepted202 every non-duplicate 202 the ingress returned, warm-up included
 * @param notes anything else to report
 */
public record BenchReport(BenchOptions options, MachineInfo machine, PayloadSet payloads, String kafka,
        int partitions, String ingress, LoadResult warmup, LoadResult throughput, LoadResult latency,
        LoadResult producer, Map<String, Object> producerSettings, long recordsWritten, long accepted202,
        List<String> notes) {

    /** @return ingress accepted/s divided by producer records/s, or NaN without a baseline */
    public double ratio() {
        if (producer == null || producer.acceptedPerSecond() == 0) {
            return Double.NaN;
        }
        return throughput.acceptedPerSecond() / producer.acceptedPerSecond();
    }

    /** @return whether the ratio target was met */
    public boolean ratioMet() {
        return !Double.isNaN(ratio()) && ratio() >= options.targetRatio();
    }

    /** @return whether the p99 target was met (with every request answered by a 202) */
    public boolean p99Met() {
        return latency.latency().count() > 0 && latency.tally().rejected() == 0 && latency.unfinished() == 0
                && latency.latency().p99Micros() <= options.targetP99().toNanos() / 1000;
    }

    /** @return the ingress JVM's CPU per accepted webhook in the throughput phase, e.g. {@code 318 µs} */
    public String ingressCpuPerWebhook() {
        return CpuCost.perAcceptedWebhook(throughput);
    }

    /** @return the baseline's CPU per acknowledged record: the producer's, and the in-process broker's if measured */
    public String producerCpuPerRecord() {
        return CpuCost.perAcknowledgedRecord(producer, options.bootstrapServers() == null);
    }

    /** @return the summary text */
    public String render() {
        StringBuilder out = new StringBuilder();
        line(out, "==================== Bitbridge webhook-ingress benchmark ====================");
        line(out, "Machine        : " + machine.describe());
        line(out, "JVM            : " + machine.jvm() + "; harness and ingress use the same java");
        line(out, "CPU sharing    : the harness (HTTP client, in-process Kafka broker, baseline producer) and the");
        line(out, "                 ingress JVM share these " + machine.cores()
                + " cores: absolute figures are lower than on dedicated hosts");
        line(out, "Kafka          : " + kafka + "; topic " + dev.bitbridge.events.Topics.WEBHOOKS_V1 + " with "
                + partitions + " partitions");
        line(out, "Ingress        : " + ingress);
        line(out, String.format(Locale.ROOT, "Payload        : %s, %d bytes (mean), %d repositories / record keys",
                payloads.origin(), payloads.meanSize(), payloads.payloads().size()));
        line(out, "Concurrency C  : " + options.concurrency());
        line(out, "");

        line(out, String.format(Locale.ROOT, "Ingress throughput: closed loop, C=%d keep-alive HTTP/1.1 connections, "
                + "%s after %s warm-up", options.concurrency(), seconds(throughput), secondsOf(warmup)));
        line(out, String.format(Locale.ROOT, "  accepted       : %,.0f req/s (%,d x 202 in %.1f s)",
                throughput.acceptedPerSecond(), throughput.tally().accepted(), throughput.window().toNanos() / 1e9));
        phaseDetails(out, throughput, "  latency        : ");
        line(out, "  cpu/webhook    : " + ingressCpuPerWebhook() + " (ingress JVM CPU per accepted webhook)");
        line(out, "");

        if (producer != null) {
            line(out, String.format(Locale.ROOT, "Plain Kafka producer: at most %d outstanding, %s after %s warm-up",
                    options.concurrency(), seconds(producer), options.producerWarmup().toSeconds() + " s"));
            line(out, "  settings       : " + producerSettings);
            line(out, String.format(Locale.ROOT, "  acknowledged   : %,.0f records/s (%,d in %.1f s)",
                    producer.acceptedPerSecond(), producer.tally().accepted(), producer.window().toNanos() / 1e9));
            phaseDetails(out, producer, "  send->ack      : ");
            line(out, "  cpu/record     : " + producerCpuPerRecord() + ", per acknowledged record");
        } else {
            line(out, "Plain Kafka producer: not run");
        }
        line(out, "");

        line(out, String.format(Locale.ROOT, "Latency at %d req/s: open loop, %s, measured from each request's "
                + "intended send time", options.rate(), seconds(latency)));
        LatencyStats l = latency.latency();
        line(out, String.format(Locale.ROOT, "  p50 %s | p90 %s | p99 %s | max %s   (p99.9 %s, mean %s)",
                LatencyStats.ms(l.p50Micros()), LatencyStats.ms(l.p90Micros()), LatencyStats.ms(l.p99Micros()),
                LatencyStats.ms(l.maxMicros()), LatencyStats.ms(l.p999Micros()),
                LatencyStats.ms(Math.round(l.meanMicros()))));
        line(out, String.format(Locale.ROOT, "  202            : %,d of %,d", latency.tally().accepted(), latency.sent()));
        phaseDetails(out, latency, null);
        line(out, "  note           : " + latency.note());
        line(out, "");

        line(out, "Results");
        line(out, String.format(Locale.ROOT, "  ingress accepted req/s       : %,.0f", throughput.acceptedPerSecond()));
        line(out, producer == null ? "  plain producer records/s     : n/a"
                : String.format(Locale.ROOT, "  plain producer records/s     : %,.0f", producer.acceptedPerSecond()));
        line(out, String.format(Locale.ROOT, "  ratio ingress / producer     : %.3f   target >= %.2f : %s", ratio(),
                options.targetRatio(), ratioMet() ? "MET" : "NOT MET"));
        line(out, String.format(Locale.ROOT, "  p99 at %d req/s             : %s   target <= %d ms : %s",
                options.rate(), LatencyStats.ms(l.p99Micros()), options.targetP99().toMillis(),
                p99Met() ? "MET" : "NOT MET"));
        line(out, String.format(Locale.ROOT, "  p50 / p90 / max at %d req/s : %s / %s / %s", options.rate(),
                LatencyStats.ms(l.p50Micros()), LatencyStats.ms(l.p90Micros()), LatencyStats.ms(l.maxMicros())));
        line(out, "  CPU per accepted webhook     : " + ingressCpuPerWebhook() + " (ingress JVM)");
        line(out, "  CPU per acknowledged record  : " + producerCpuPerRecord());
        long errors = warmup == null ? 0 : warmup.tally().rejected();
        errors += throughput.tally().rejected() + latency.tally().rejected()
                + (producer == null ? 0 : producer.tally().rejected());
        line(out, String.format(Locale.ROOT, "  errors (non-202 / failed)    : %,d%s", errors,
                errors == 0 ? "" : "  (by phase above)"));
        line(out, String.format(Locale.ROOT, "  Kafka check                  : %s gained %,d records; ingress answered "
                + "%,d x 202 in all phases", dev.bitbridge.events.Topics.WEBHOOKS_V1, recordsWritten, accepted202));
        for (String note : notes) {
            line(out, "  note: " + note);
        }
        line(out, "==============================================================================");
        return out.toString();
    }

    private static void phaseDetails(StringBuilder out, LoadResult result, String latencyLabel) {
        if (latencyLabel != null) {
            line(out, latencyLabel + result.latency().describe());
        }
        List<String> problems = new ArrayList<>();
        result.tally().rejectedByKind().forEach((kind, count) -> problems.add(String.format(Locale.ROOT, "%,d x %s",
                count, kind)));
        line(out, "  not accepted   : " + (problems.isEmpty() ? "0" : String.join(", ", problems)));
        result.tally().firstDetails().forEach((kind, detail) -> line(out, "    first " + kind + ": " + detail));
        if (result.lateCompletions() > 0 || result.unfinished() > 0) {
            line(out, String.format(Locale.ROOT, "  after window   : %,d completed late (not counted), %,d unfinished",
                    result.lateCompletions(), result.unfinished()));
        }
        line(out, "  cpu            : " + result.cpu().describe());
    }

    private static String seconds(LoadResult result) {
        return String.format(Locale.ROOT, "%.0f s", result.window().toNanos() / 1e9);
    }

    private static String secondsOf(LoadResult result) {
        return result == null ? "no" : seconds(result);
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append(System.lineSeparator());
    }
}
