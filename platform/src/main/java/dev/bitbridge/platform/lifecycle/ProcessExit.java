package dev.bitbridge.platform.lifecycle;

/** Ends the process. A seam so that tests can observe a fatal error without their JVM ending. */
public interface ProcessExit {

    /** Ends the process with {@code status}: gracefully when possible, for certain after a bounded wait. */
    void exit(int status);
}
