package dev.bitbridge.connector.enrichment.payload;

import java.util.List;

import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.Person;
import dev.bitbridge.events.scm.Repository;

/** The parts Bitbucket Data Center payloads share: repositories, users, commit authors and commits. */
final class DataCenterParts {

    private DataCenterParts() {
    }

    /**
     * @return {@code project.key/slug}, {@code name}, {@code id} and {@code links.self[0].href}; project key and slug
     *         required
     */
    static Repository repository(PathNode repository) {
        repository.requireObject();
        String key = repository.get("project").requireObject().get("key").requireText();
        String slug = repository.get("slug").requireText();
        return new Repository(key + "/" + slug, repository.get("name").nonBlank(), repository.get("id").nonBlank(),
                repository.link("self"));
    }

    /** @return the user as an account ({@code id}, {@code slug} or {@code name}, …); null when absent or empty */
    static Account account(PathNode user) {
        if (!user.isObject()) {
            return null;
        }
        String id = user.get("id").nonBlank();
        String slug = user.get("slug").nonBlank();
        String name = slug != null ? slug : user.get("name").nonBlank();
        String displayName = user.get("displayName").nonBlank();
        String email = user.get("emailAddress").nonBlank();
        if (id == null && name == null && displayName == null && email == null) {
            return null;
        }
        return new Account(id, null, name, displayName, email);
    }

    /**
     * A commit author or committer. Data Center gives git's name and e-mail when it matched no user; when it matched one
     * ({@code id} or {@code slug} given), {@code name} is the user name and {@code displayName} the person's name, which
     * is then taken as the name.
     *
     * @return the person; null when absent or empty
     */
    static Person person(PathNode author) {
        if (!author.isObject()) {
            return null;
        }
        boolean resolved = author.get("id").present() || author.get("slug").present();
        String name = author.get("name").nonBlank();
        String displayName = author.get("displayName").nonBlank();
        String email = author.get("emailAddress").nonBlank();
        if (name == null && displayName == null && email == null) {
            return null;
        }
        Account account = resolved ? account(author) : null;
        return new Person(null, resolved && displayName != null ? displayName : name, email, account);
    }

    /** @return a commit of {@code commits[]} (Data Center 9.x/10+); {@code id} required */
    static ListedCommit commit(PathNode commit) {
        commit.requireObject();
        List<String> parents = commit.get("parents").items().stream()
                .map(parent -> parent.requireObject().get("id").requireText())
                .toList();
        return new ListedCommit(commit.get("id").requireText(), commit.get("message").text(),
                person(commit.get("author")), person(commit.get("committer")), Dates.read(commit.get("authorTimestamp")),
                Dates.read(commit.get("committerTimestamp")), parents, null, null);
    }
}
