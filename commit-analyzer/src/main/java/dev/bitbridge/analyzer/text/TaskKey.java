package dev.bitbridge.analyzer.text;

/**
 * A task key found in a text.
 *
 * @param key the key, upper case ({@code GAME-789})
 * @param project its project part ({@code GAME})
 * @param offset where it starts, in code points from 0
 * @param line the line it is on, from 1
 */
public record TaskKey(String key, String project, int offset, int line) {
}
