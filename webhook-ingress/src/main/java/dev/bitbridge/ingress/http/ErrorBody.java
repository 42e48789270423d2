package dev.bitbridge.ingress.http;

/**
 * The body of every error answer.
 *
 * @param error a stable code, e.g. {@code signature_mismatch}
 * @param detail what is wrong and what to do
 */
public record ErrorBody(String error, String detail) {
}
