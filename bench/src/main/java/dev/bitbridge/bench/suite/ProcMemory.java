package dev.bitbridge.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Memory of one process (or the sum over several) as Linux counts it, in KiB: resident now ({@code VmRSS} of
 * {@code /proc/<pid>/status}), the most it has been resident ({@code VmHWM}), and its proportional share
 * ({@code Pss} of {@code /proc/<pid>/smaps_rollup}: pages shared with other processes count a fraction each, so that
 * the shares of processes add up to what they take together). -1 when unknown.
 *
 * @param rssKiB resident now
 * @param hwmKiB resident at its peak, as the kernel recorded it
 * @param pssKiB proportional set size now
 */
public record ProcMemory(long rssKiB, long hwmKiB, long pssKiB) {

    /** Nothing known: no such process, or no {@code /proc}. */
    public static final ProcMemory UNKNOWN = new ProcMemory(-1, -1, -1);
    /** Zero, to add processes to. */
    public static final ProcMemory ZERO = new ProcMemory(0, 0, 0);

    /** @return the process's memory now, or {@link #UNKNOWN} when it is gone */
    public static ProcMemory of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        String status;
        try {
            status = Files.readString(proc.resolve("status"));
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
        String rollup;
        try {
            rollup = Files.readString(proc.resolve("smaps_rollup"));
        } catch (IOException | RuntimeException e) {
            rollup = "";
        }
        return parse(status, rollup);
    }

    /**
     * @param status the text of {@code /proc/<pid>/status}
     * @param smapsRollup the text of {@code /proc/<pid>/smaps_rollup}, or empty when unreadable
     * @return the figures they give
     */
    static ProcMemory parse(String status, String smapsRollup) {
        return new ProcMemory(field(status, "VmRSS:"), field(status, "VmHWM:"), field(smapsRollup, "Pss:"));
    }

    /** @return the KiB of a {@code Name:   1234 kB} line, or -1 */
    private static long field(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name)) {
                String[] f = line.substring(name.length()).trim().split("\\s+");
                try {
                    return Long.parseLong(f[0]);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** @return whether anything is known */
    public boolean known() {
        return rssKiB >= 0;
    }

    /** @return the sum of both; an unknown figure on one side leaves the other's */
    public ProcMemory plus(ProcMemory other) {
        return new ProcMemory(add(rssKiB, other.rssKiB), add(hwmKiB, other.hwmKiB), add(pssKiB, other.pssKiB));
    }

    /** @return the larger of each figure */
    public ProcMemory max(ProcMemory other) {
        return new ProcMemory(Math.max(rssKiB, other.rssKiB), Math.max(hwmKiB, other.hwmKiB),
                Math.max(pssKiB, other.pssKiB));
    }

    private static long add(long a, long b) {
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : a + b;
    }

    /** @return KiB as MiB with no decimals, or {@code ?} */
    public static String mib(long kib) {
        return kib < 0 ? "?" : String.format(Locale.ROOT, "%d", Math.round(kib / 1024.0));
    }

    /** @return KiB as MB (10^6 bytes) with no decimals, or {@code ?} */
    public static String mb(long kib) {
        return kib < 0 ? "?" : String.format(Locale.ROOT, "%d", Math.round(kib * 1024 / 1e6));
    }
}
