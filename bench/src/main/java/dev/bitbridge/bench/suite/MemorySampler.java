package dev.bitbridge.bench.suite;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Samples the memory (and reads the CPU time) of the suite's components on a thread of its own: each component is
 * one or more processes, whose figures are added up (PostgreSQL: the postmaster and every child). Samples are kept
 * per window ({@link #begin}): each component's peak and last sample, and the peak of the whole suite's total (the
 * peak of the sums, taken at one sample, not the sum of the peaks).
 */
public final class MemorySampler implements AutoCloseable {

    /** The whole suite in a window's figures. */
    public static final String TOTAL = "whole suite";

    private final List<String> components;
    private final Function<String, List<Long>> pids;
    private final Duration interval;
    private final Thread thread;
    private final Map<String, Long> lastPids = new LinkedHashMap<>();
    private final List<String> pidChanges = new java.util.ArrayList<>();
    private Window current;
    private volatile boolean running = true;

    /**
     * @param components the components, in the order they are shown
     * @param pids a component's processes now (empty when it has none)
     * @param interval how often to sample
     */
    public MemorySampler(List<String> components, Function<String, List<Long>> pids, Duration interval) {
        this.components = List.copyOf(components);
        this.pids = pids;
        this.interval = interval;
        this.current = new Window("start", components);
        this.thread = new Thread(this::loop, "memory-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The figures of one window, in KiB. */
    public static final class Window {
        private final String name;
        private final Map<String, ProcMemory> peak = new LinkedHashMap<>();
        private final Map<String, ProcMemory> last = new LinkedHashMap<>();
        private final Map<String, Long> cpuStart = new LinkedHashMap<>();
        private final Map<String, Long> cpuEnd = new LinkedHashMap<>();
        private final long startNanos = System.nanoTime();
        private long endNanos;
        private int samples;

        Window(String name, List<String> components) {
            this.name = name;
            for (String c : components) {
                peak.put(c, ProcMemory.UNKNOWN);
                last.put(c, ProcMemory.UNKNOWN);
            }
            peak.put(TOTAL, ProcMemory.UNKNOWN);
            last.put(TOTAL, ProcMemory.UNKNOWN);
        }

        synchronized void add(Map<String, ProcMemory> sample) {
            ProcMemory total = ProcMemory.ZERO;
            for (Map.Entry<String, ProcMemory> e : sample.entrySet()) {
                peak.merge(e.getKey(), e.getValue(), ProcMemory::max);
                last.put(e.getKey(), e.getValue());
                total = total.plus(e.getValue());
            }
            peak.merge(TOTAL, total, ProcMemory::max);
            last.put(TOTAL, total);
            samples++;
        }

        public String name() {
            return name;
        }

        /** @return a component's (or {@link #TOTAL}'s) largest sample in the window */
        public synchronized ProcMemory peak(String component) {
            return peak.getOrDefault(component, ProcMemory.UNKNOWN);
        }

        /** @return its last sample in the window */
        public synchronized ProcMemory last(String component) {
            return last.getOrDefault(component, ProcMemory.UNKNOWN);
        }

        public synchronized int samples() {
            return samples;
        }

        /** @return the cores a component used on average in the window (CPU time ÷ wall time), or NaN */
        public synchronized double cores(String component) {
            Long a = cpuStart.get(component);
            Long b = cpuEnd.get(component);
            double seconds = (endNanos - startNanos) / 1e9;
            return a == null || b == null || seconds <= 0 ? Double.NaN : (b - a) / 1e9 / seconds;
        }

        /** @return the window's length in seconds */
        public synchronized double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    /** Ends the current window and begins a new one. @return the window that ended */
    public Window begin(String name) {
        Window ended;
        Window next = new Window(name, components);
        Map<String, Long> cpu = cpuNow();
        synchronized (this) {
            ended = current;
            current = next;
        }
        synchronized (ended) {
            ended.cpuEnd.putAll(cpu);
            ended.endNanos = System.nanoTime();
        }
        synchronized (next) {
            next.cpuStart.putAll(cpu);
        }
        sampleNow();
        return ended;
    }

    /** @return components whose process changed during the run (a restart), with when it was seen */
    public synchronized List<String> pidChanges() {
        return List.copyOf(pidChanges);
    }

    /** Takes one sample now, into the current window. */
    public void sampleNow() {
        Map<String, ProcMemory> sample = new LinkedHashMap<>();
        for (String c : components) {
            List<Long> ps = pids.apply(c);
            ProcMemory sum = ps.isEmpty() ? ProcMemory.UNKNOWN : ProcMemory.ZERO;
            for (long pid : ps) {
                sum = sum.plus(ProcMemory.of(pid));
            }
            sample.put(c, sum);
            if (!ps.isEmpty()) {
                synchronized (this) {
                    Long before = lastPids.put(c, ps.get(0));
                    if (before != null && before.longValue() != ps.get(0)) {
                        pidChanges.add(c + ": pid " + before + " -> " + ps.get(0) + " (during " + current.name + ")");
                    }
                }
            }
        }
        Window window;
        synchronized (this) {
            window = current;
        }
        window.add(sample);
    }

    private Map<String, Long> cpuNow() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String c : components) {
            long sum = 0;
            boolean any = false;
            for (long pid : pids.apply(c)) {
                Optional<Duration> cpu = ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration());
                if (cpu.isPresent()) {
                    sum += cpu.get().toNanos();
                    any = true;
                }
            }
            if (any) {
                out.put(c, sum);
            }
        }
        return out;
    }

    private void loop() {
        while (running) {
            try {
                sampleNow();
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a process that went away between listing and reading: the next sample sees the new state
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
