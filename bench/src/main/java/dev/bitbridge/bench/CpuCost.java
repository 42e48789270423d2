package dev.bitbridge.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * CPU time per unit of work: per accepted webhook for the ingress, per acknowledged record for the baseline. Unlike
 * requests per second, this does not depend on how many of the shared cores each side happened to get, so it says what
 * the ingress costs on top of the producer it wraps.
 */
final class CpuCost {

    static final String NOT_AVAILABLE = "n/a";

    private CpuCost() {
    }

    /**
     * @param cores CPU used during the window, in cores ({@code NaN} when not measured)
     * @param window how long the CPU was measured
     * @param units work done inside the window
     * @return {@code cores × window seconds ÷ units} in microseconds, empty when there is nothing to divide by or the
     *         CPU was not measured
     */
    static OptionalDouble microsPerUnit(double cores, Duration window, long units) {
        if (units <= 0 || Double.isNaN(cores) || cores < 0 || window.isNegative() || window.isZero()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(cores * window.toNanos() / 1e3 / units);
    }

    /** @return e.g. {@code 318 µs}, or {@code n/a} when {@link #microsPerUnit} is empty */
    static String describe(double cores, Duration window, long units) {
        OptionalDouble micros = microsPerUnit(cores, window, units);
        return micros.isPresent() ? String.format(Locale.ROOT, "%,.0f µs", micros.getAsDouble()) : NOT_AVAILABLE;
    }

    /** @return the ingress JVM's CPU per non-duplicate 202 of a closed-loop phase, e.g. {@code 318 µs} */
    static String perAcceptedWebhook(LoadResult phase) {
        return describe(phase.cpu().ingressCores(), phase.window(), phase.tally().accepted());
    }

    /**
     * @param phase the baseline phase, or {@code null} when it did not run
     * @param brokerInProcess whether the broker ran in the harness JVM, so that its threads' CPU was measured
     * @return e.g. {@code 17 µs (baseline producer); Kafka broker + other 95 µs}
     */
    static String perAcknowledgedRecord(LoadResult phase, boolean brokerInProcess) {
        if (phase == null) {
            return NOT_AVAILABLE;
        }
        long records = phase.tally().accepted();
        String producer = describe(phase.cpu().harness(CpuSampler.PRODUCER), phase.window(), records)
                + " (" + CpuSampler.PRODUCER + ")";
        String broker = brokerInProcess
                ? describe(phase.cpu().harness(CpuSampler.BROKER), phase.window(), records)
                : "not measured (external broker)";
        return producer + "; " + CpuSampler.BROKER + " " + broker;
    }
}
