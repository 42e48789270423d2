package dev.bitbridge.events.scm;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A repository as Bitbucket names it.
 *
 * @param fullName {@code workspace/slug} (Cloud) or {@code PROJECT/slug} (Data Center); also the record key's second
 *        half
 * @param name the display name
 * @param id Bitbucket's id: Cloud's {@code {uuid}}, Data Center's numeric id as text; null when the payload has none
 * @param url the repository's web page, when Bitbucket gave one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Repository(String fullName, String name, String id, String url) {
}
