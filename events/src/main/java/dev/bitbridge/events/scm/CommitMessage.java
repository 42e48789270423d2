package dev.bitbridge.events.scm;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A commit's message as a ref change carries it, so that a consumer deciding about the whole push (which builds it
 * asks for) need not join {@code bitbridge.commits.v1}. Bounded so that a ref record stays small: at most
 * {@link #MAX_COMMITS} messages (the newest) per ref change, each cut to its first {@link #MAX_LENGTH} characters
 * (Java {@code char}s, UTF-16 code units; a cut never splits a surrogate pair, so it may keep one fewer). The full
 * message is always on {@code bitbridge.commits.v1}.
 *
 * @param hash the commit
 * @param message its message, or its first {@link #MAX_LENGTH} characters
 * @param truncated whether the message was cut
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommitMessage(String hash, String message, boolean truncated) {

    public static final int MAX_LENGTH = 4096;
    public static final int MAX_COMMITS = 256;

    /** @return the message as a ref change carries it, cut when longer than {@link #MAX_LENGTH} */
    public static CommitMessage of(String hash, String message) {
        String text = message == null ? "" : message;
        if (text.length() <= MAX_LENGTH) {
            return new CommitMessage(hash, text, false);
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return new CommitMessage(hash, text.substring(0, end), true);
    }

    /**
     * @param hashes the commits, newest first
     * @param messageOf each commit's message
     * @return the messages of the newest {@link #MAX_COMMITS}
     */
    public static List<CommitMessage> of(List<String> hashes, java.util.function.Function<String, String> messageOf) {
        List<CommitMessage> messages = new ArrayList<>();
        for (String hash : hashes.subList(0, Math.min(hashes.size(), MAX_COMMITS))) {
            messages.add(of(hash, messageOf.apply(hash)));
        }
        return List.copyOf(messages);
    }
}
