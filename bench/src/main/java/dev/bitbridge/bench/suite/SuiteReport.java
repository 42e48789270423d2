package dev.bitbridge.bench.suite;

import java.util.List;
import java.util.Locale;

import dev.bitbridge.bench.LatencyStats;
import dev.bitbridge.bench.MachineInfo;
import dev.bitbridge.bench.connector.LoadAverage;

/**
 * The printed summary of an end-to-end run: what ran where, each phase's latencies, failures and CPU, the memory of
 * every component and of the whole suite, and the targets' verdicts.
 *
 * @param options the run's options
 * @param machine what it ran on
 * @param loadStart the load average at the start
 * @param loadEnd the load average at the end
 * @param setup lines describing what ran where, each {@code label : text}
 * @param warmup the warm-up (not counted), or {@code null}
 * @param phases the counted phases
 * @param services the components that are services (the memory target applies to them)
 * @param components every component, in the order shown
 * @param notes anything odd the run saw
 */
public record SuiteReport(SuiteOptions options, MachineInfo machine, LoadAverage loadStart, LoadAverage loadEnd,
        List<String[]> setup, PhaseRun warmup, List<PhaseRun> phases, List<String> services, List<String> components,
        List<String> notes) {

    /** @return the summary text */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Bitbridge end to end: webhook accepted -> Jenkins POST -> INPROGRESS posted (bench/run suite)\n");
        line(out, "machine", machine.describe());
        line(out, "harness JVM", machine.jvm());
        line(out, "load average", loadStart.describe() + " at the start, " + loadEnd.describe() + " at the end");
        for (String[] s : setup) {
            line(out, s[0], s[1]);
        }
        if (warmup != null) {
            out.append('\n');
            phase(out, warmup, "warm-up, not counted");
        }
        for (PhaseRun p : phases) {
            out.append('\n');
            phase(out, p, null);
        }
        out.append('\n');
        memory(out);
        out.append('\n');
        targets(out);
        if (!notes.isEmpty()) {
            out.append("\nnotes\n");
            notes.forEach(n -> out.append("  - ").append(n).append('\n'));
        }
        return out.toString();
    }

    private void phase(StringBuilder out, PhaseRun p, String remark) {
        PhaseLatency l = p.latency();
        out.append(String.format(Locale.ROOT, "%s: %d pushes at %d/s%s%n", p.name(), p.pushes(), p.rate(),
                remark == null ? "" : " (" + remark + ")"));
        out.append(String.format(Locale.ROOT, "  pushed                 : in %.1f s; %d accepted (2xx), %d reached "
                + "Jenkins, %d had INPROGRESS posted; %d result(s) not posted when the phase ended%n", p.pushSeconds(),
                l.accepted(), l.reachedJenkins(), l.reachedInProgress(), p.unfinished()));
        out.append(String.format(Locale.ROOT, "  throughput             : %.1f Jenkins POSTs/s and %.1f INPROGRESS "
                + "posts/s, first to last (pushed: %d/s)%n", l.jenkinsPerSecond(), l.inProgressPerSecond(), p.rate()));
        stats(out, "accepted -> Jenkins POST", l.toJenkins());
        stats(out, "accepted -> INPROGRESS", l.toInProgress());
        stats(out, "Jenkins POST -> INPROGRESS", l.jenkinsToInProgress());
        stats(out, "scheduled -> INPROGRESS", l.scheduledToInProgress());
        stats(out, "scheduled -> sent", l.sendLag());
        stats(out, "sent -> accepted", l.ingress());
        out.append("  failures               : ").append(l.describeFailures()).append('\n');
        out.append("  hops (record timestamps, ms precision):\n");
        p.hops().forEach((hop, s) -> out.append(String.format(Locale.ROOT, "    %-58s: p50 %s, p99 %s, max %s "
                + "(n=%d)%n", hop, LatencyStats.ms(s.p50Micros()), LatencyStats.ms(s.p99Micros()),
                LatencyStats.ms(s.maxMicros()), s.count())));
        out.append(String.format(Locale.ROOT, "  status posts           : %d beyond INPROGRESS and the result for this "
                + "phase's commits; %d for earlier commits (or 30 s or more after a commit's first)%n", p.extraPosts(),
                p.otherPosts()));
        MachineCpu.Use m = p.machine();
        StringBuilder cpu = new StringBuilder();
        for (String c : components) {
            cpu.append(String.format(Locale.ROOT, "%s %.2f, ", c, p.during().cores(c)));
        }
        double suiteCores = 0;
        for (String c : components) {
            double cores = p.during().cores(c);
            suiteCores += Double.isNaN(cores) ? 0 : cores;
        }
        out.append(String.format(Locale.ROOT, "  CPU (cores, %.0f s)     : %ssuite %.2f, harness (simulators) %.2f; "
                + "machine busy %.2f of %d, so the rest of the machine (other processes, kernel) %.2f; other "
                + "processes seen %.2f (%s)%n", m.seconds(), cpu, suiteCores, m.harness(), m.machine(),
                machine.cores(), m.machine() - suiteCores - m.harness(), m.other(), m.busiest()));
        StringBuilder perPush = new StringBuilder();
        double suiteMs = 0;
        double idle = 0;
        for (String c : components) {
            double ms = p.during().cores(c) * p.during().seconds() * 1000 / Math.max(1, p.pushes());
            suiteMs += Double.isNaN(ms) ? 0 : ms;
            double quiet = p.after().cores(c);
            idle += Double.isNaN(quiet) ? 0 : quiet;
            perPush.append(String.format(Locale.ROOT, "%s %.1f, ", c, ms));
        }
        out.append(String.format(Locale.ROOT, "  CPU per push (ms)      : %ssuite %.1f, harness %.1f; the suite idle "
                + "afterwards: %.2f cores (%.0f s)%n", perPush, suiteMs,
                m.harness() * m.seconds() * 1000 / Math.max(1, p.pushes()), idle, p.after().seconds()));
        out.append(String.format(Locale.ROOT, "  requests               : Bitbucket simulator %d (%.1f per push), "
                + "Jenkins simulator %d (%.1f per push)%n", p.bitbucketRequests(),
                p.bitbucketRequests() / (double) Math.max(1, p.pushes()), p.jenkinsRequests(),
                p.jenkinsRequests() / (double) Math.max(1, p.pushes())));
        StringBuilder mem = new StringBuilder();
        for (String c : components) {
            mem.append(c).append(' ').append(ProcMemory.mib(p.during().peak(c).rssKiB())).append(" / ")
                    .append(ProcMemory.mib(p.after().last(c).rssKiB())).append(", ");
        }
        out.append("  RSS MiB (peak / after) : ").append(mem).append(MemorySampler.TOTAL).append(' ')
                .append(ProcMemory.mib(p.during().peak(MemorySampler.TOTAL).rssKiB())).append(" / ")
                .append(ProcMemory.mib(p.after().last(MemorySampler.TOTAL).rssKiB())).append('\n');
    }

    private static void stats(StringBuilder out, String name, LatencyStats s) {
        out.append(String.format(Locale.ROOT, "  %-23s: %s%n", name, s.describe()));
    }

    private void memory(StringBuilder out) {
        out.append(String.format(Locale.ROOT, "memory (MiB; peak over every sample of the warm-up and the phases, "
                + "every %d ms; VmHWM: the kernel's own peak)%n", options.sampleInterval().toMillis()));
        out.append(String.format(Locale.ROOT, "  %-22s %9s %9s %9s %9s %9s  %s%n", "component", "RSS peak",
                "RSS end", "PSS peak", "PSS end", "VmHWM", "target"));
        for (String c : components) {
            ProcMemory peak = peak(c);
            ProcMemory end = end(c);
            String target = services.contains(c) ? verdict(peak.rssKiB()) : "-";
            out.append(String.format(Locale.ROOT, "  %-22s %9s %9s %9s %9s %9s  %s%n", c, ProcMemory.mib(peak.rssKiB()),
                    ProcMemory.mib(end.rssKiB()), ProcMemory.mib(peak.pssKiB()), ProcMemory.mib(end.pssKiB()),
                    ProcMemory.mib(peak.hwmKiB()), target));
        }
        ProcMemory peak = peak(MemorySampler.TOTAL);
        ProcMemory end = end(MemorySampler.TOTAL);
        out.append(String.format(Locale.ROOT, "  %-22s %9s %9s %9s %9s %9s  %s%n", MemorySampler.TOTAL,
                ProcMemory.mib(peak.rssKiB()), ProcMemory.mib(end.rssKiB()), ProcMemory.mib(peak.pssKiB()),
                ProcMemory.mib(end.pssKiB()), "", "(peak of the sums at one sample)"));
        out.append("  PostgreSQL is the postmaster and every child; its RSS sum counts shared buffers once per "
                + "process, its PSS sum does not. The supervisor holds the Kafka broker.\n");
    }

    private String verdict(long kib) {
        if (kib < 0) {
            return "unknown";
        }
        return (kib <= options.targetRssKiB() ? "met" : "MISSED") + " (<= " + options.targetRssMb() + " MB = "
                + ProcMemory.mib(options.targetRssKiB()) + " MiB; peak " + ProcMemory.mb(kib) + " MB)";
    }

    /** @return a component's peak over the warm-up and every phase, during and after */
    ProcMemory peak(String component) {
        ProcMemory peak = ProcMemory.UNKNOWN;
        if (warmup != null) {
            peak = peak.max(warmup.during().peak(component)).max(warmup.after().peak(component));
        }
        for (PhaseRun p : phases) {
            peak = peak.max(p.during().peak(component)).max(p.after().peak(component));
        }
        return peak;
    }

    private ProcMemory end(String component) {
        return phases.isEmpty() ? ProcMemory.UNKNOWN : phases.get(phases.size() - 1).after().last(component);
    }

    private void targets(StringBuilder out) {
        out.append("targets\n");
        PhaseRun at = phases.stream().filter(p -> p.rate() == options.targetRate()).findFirst().orElse(null);
        long limit = options.targetP99().toNanos() / 1000;
        if (at == null) {
            out.append(String.format(Locale.ROOT, "  p99 accepted -> INPROGRESS at %d pushes/s <= %s: not measured "
                    + "(no phase at that rate)%n", options.targetRate(), LatencyStats.ms(limit)));
        } else {
            PhaseLatency l = at.latency();
            boolean complete = l.reachedInProgress() == l.pushes();
            boolean met = complete && l.toInProgress().count() > 0 && l.toInProgress().p99Micros() <= limit;
            out.append(String.format(Locale.ROOT, "  p99 accepted -> INPROGRESS at %d pushes/s <= %s: %s: %s%s%n",
                    options.targetRate(), LatencyStats.ms(limit), LatencyStats.ms(l.toInProgress().p99Micros()),
                    met ? "met" : "MISSED", complete ? ""
                            : " (" + (l.pushes() - l.reachedInProgress())
                                    + " push(es) without INPROGRESS count as missed)"));
        }
        int met = 0;
        for (String s : services) {
            if (peak(s).rssKiB() >= 0 && peak(s).rssKiB() <= options.targetRssKiB()) {
                met++;
            }
        }
        out.append(String.format(Locale.ROOT, "  each service's RSS <= %d MB: %d of %d services met%s%n",
                options.targetRssMb(), met, services.size(), met == services.size() ? "" : " (see memory)"));
    }

    private static void line(StringBuilder out, String label, String text) {
        out.append(String.format(Locale.ROOT, "%-15s: %s%n", label, text));
    }
}
