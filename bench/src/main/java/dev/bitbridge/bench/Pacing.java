package dev.bitbridge.bench;

import java.util.concurrent.locks.LockSupport;

/** Waiting for a {@link System#nanoTime()} instant. */
final class Pacing {

    private Pacing() {
    }

    /** Parks the calling thread until {@code deadline}; returns at once if it has passed. */
    static void sleepUntil(long deadline) throws InterruptedException {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
