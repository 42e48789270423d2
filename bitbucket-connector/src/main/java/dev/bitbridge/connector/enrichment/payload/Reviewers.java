package dev.bitbridge.connector.enrichment.payload;

import java.util.Locale;

import dev.bitbridge.events.scm.PullRequestEvent.Reviewer;

/** The roles and states of {@link Reviewer}, from either flavor's words for them. */
final class Reviewers {

    static final String REVIEWER = "REVIEWER";
    static final String PARTICIPANT = "PARTICIPANT";
    static final String APPROVED = "approved";
    static final String CHANGES_REQUESTED = "changes_requested";
    static final String NONE = "none";

    private Reviewers() {
    }

    /**
     * @param state Cloud's {@code state} ({@code approved}, {@code changes_requested}, null) or Data Center's
     *        {@code status} ({@code APPROVED}, {@code NEEDS_WORK}, {@code UNAPPROVED})
     * @param approved the {@code approved} flag, used when the state says nothing
     * @return {@code approved}, {@code changes_requested} or {@code none}
     */
    static String state(String state, Boolean approved) {
        String value = state == null ? "" : state.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "approved" -> APPROVED;
            case "changes_requested", "needs_work" -> CHANGES_REQUESTED;
            default -> Boolean.TRUE.equals(approved) ? APPROVED : NONE;
        };
    }

    /**
     * @param otherwise the role of the list the entry came from ({@code REVIEWER} or {@code PARTICIPANT})
     * @return {@code REVIEWER} or {@code PARTICIPANT}, the only roles the event's schema has; anything else (Data
     *         Center's {@code AUTHOR}, a role Bitbucket adds later) takes the role of its list
     */
    static String role(String role, String otherwise) {
        String value = role == null ? "" : role.trim().toUpperCase(Locale.ROOT);
        return REVIEWER.equals(value) || PARTICIPANT.equals(value) ? value : otherwise;
    }
}
