package dev.bitbridge.events.scm;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The author or committer of a commit: what git recorded and, when Bitbucket linked it to one, the account.
 *
 * @param raw git's {@code Name <email>}, as Bitbucket gave it (Cloud's {@code raw}); null when only the parts are known
 * @param name the name git recorded
 * @param email the e-mail address git recorded
 * @param account the Bitbucket account Bitbucket resolved the e-mail to; null when it resolved none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Person(String raw, String name, String email, Account account) {
}
