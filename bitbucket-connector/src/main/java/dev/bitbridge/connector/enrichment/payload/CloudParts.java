package dev.bitbridge.connector.enrichment.payload;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.Person;
import dev.bitbridge.events.scm.Repository;

/** The parts Bitbucket Cloud payloads share: repositories, accounts, commit authors and commits. */
final class CloudParts {

    /** git's {@code Name <email>}; the name may be empty. */
    private static final Pattern RAW_PERSON = Pattern.compile("^\\s*(.*?)\\s*<([^<>]*)>\\s*$", Pattern.DOTALL);

    private CloudParts() {
    }

    /** @return {@code full_name}, {@code name}, {@code uuid} and {@code links.html.href}; {@code full_name} required */
    static Repository repository(PathNode repository) {
        repository.requireObject();
        return new Repository(repository.get("full_name").requireText(), repository.get("name").nonBlank(),
                repository.get("uuid").nonBlank(), repository.link("html"));
    }

    /** @return the account, or null when absent or empty */
    static Account account(PathNode user) {
        if (!user.isObject()) {
            return null;
        }
        String accountId = user.get("account_id").nonBlank();
        String uuid = user.get("uuid").nonBlank();
        String nickname = user.get("nickname").nonBlank();
        String name = nickname != null ? nickname : user.get("username").nonBlank();
        String displayName = user.get("display_name").nonBlank();
        if (accountId == null && uuid == null && name == null && displayName == null) {
            return null;
        }
        return new Account(accountId != null ? accountId : uuid, uuid, name, displayName, null);
    }

    /** @return the person from {@code raw} ({@code Name <email>}) and {@code user}; null when both are absent */
    static Person person(PathNode author) {
        if (!author.isObject()) {
            return null;
        }
        String raw = author.get("raw").nonBlank();
        Account account = account(author.get("user"));
        if (raw == null && account == null) {
            return null;
        }
        String name = null;
        String email = null;
        if (raw != null) {
            Matcher parts = RAW_PERSON.matcher(raw);
            if (parts.matches()) {
                name = blankToNull(parts.group(1));
                email = blankToNull(parts.group(2).trim());
            } else {
                name = raw.trim();
            }
        }
        return new Person(raw, name, email, account);
    }

    /** @return a commit of {@code push.changes[].commits}; {@code hash} required */
    static ListedCommit commit(PathNode commit) {
        commit.requireObject();
        String message = commit.get("message").text();
        if (message == null) {
            message = commit.get("summary").get("raw").text();
        }
        List<String> parents = commit.get("parents").items().stream()
                .map(parent -> parent.requireObject().get("hash").requireText())
                .toList();
        return new ListedCommit(commit.get("hash").requireText(), message, person(commit.get("author")),
                person(commit.get("committer")), Dates.read(commit.get("date")), null, parents, commit.link("html"),
                commit.link("self"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
