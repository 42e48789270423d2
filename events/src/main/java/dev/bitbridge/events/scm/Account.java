package dev.bitbridge.events.scm;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Bitbucket account, as resolved by Bitbucket: how Bitbridge identifies team members.
 *
 * @param id Cloud's {@code account_id} when present, else its {@code {uuid}}; Data Center's numeric user id as text
 * @param uuid Cloud's {@code {uuid}}; null on Data Center
 * @param name Data Center's user slug or Cloud's {@code nickname}; null when not given
 * @param displayName the display name
 * @param email the account's e-mail address, when Bitbucket gave it (Data Center does; Cloud does not)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Account(String id, String uuid, String name, String displayName, String email) {
}
