package dev.bitbridge.bench.trigger;

/**
 * Turns {@link System#nanoTime()} readings of this JVM into wall-clock milliseconds, so that they can be compared with
 * Kafka record timestamps (CreateTime, set by the services from the same machine's clock).
 *
 * @param epochMillis the wall clock at the base reading
 * @param nanos {@link System#nanoTime()} at the base reading
 */
public record WallClock(long epochMillis, long nanos) {

    /** @return a clock based now */
    public static WallClock now() {
        return new WallClock(System.currentTimeMillis(), System.nanoTime());
    }

    /** @return the wall-clock milliseconds of a {@link System#nanoTime()} reading */
    public long millis(long nanoTime) {
        return epochMillis + Math.floorDiv(nanoTime - nanos, 1_000_000L);
    }

    /** @return the {@link System#nanoTime()} reading of a wall-clock time */
    public long nanoTime(long wallMillis) {
        return nanos + (wallMillis - epochMillis) * 1_000_000L;
    }
}
