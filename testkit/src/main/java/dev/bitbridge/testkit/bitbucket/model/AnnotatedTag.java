package dev.bitbridge.testkit.bitbucket.model;

import java.time.OffsetDateTime;

import dev.bitbridge.testkit.bitbucket.Account;

/**
 * An annotated tag: a git object of its own, pointing at a commit. Data Center's {@code toHash} of its creation is
 * this object's id, not the commit's; Cloud shows {@code message}, {@code date} and {@code tagger} on the tag ref
 * (Bitbucket Cloud OpenAPI, schema {@code tag}).
 *
 * @param hash the tag object's id
 * @param target the commit it points at
 * @param tagger who tagged
 * @param message the tag message
 * @param date when it was tagged
 */
public record AnnotatedTag(String hash, String target, Account tagger, String message, OffsetDateTime date) {
}
