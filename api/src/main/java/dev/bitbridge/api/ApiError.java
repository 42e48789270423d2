package dev.bitbridge.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every error the API answers: a stable machine code, a sentence for people saying what is wrong and what to do, and
 * for invalid input the fields at fault. Never a stack trace, an exception class or a submitted value.
 *
 * @param error machine-readable code, e.g. {@code invalid_request}
 * @param detail what is wrong and what to do
 * @param fields the fields at fault, for {@code invalid_request}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, String detail, List<FieldProblem> fields) {

    public static ApiError of(String error, String detail) {
        return new ApiError(error, detail, List.of());
    }

    /**
     * @param field the JSON path of the field, e.g. {@code credentials.email}
     * @param problem what is wrong with it and what to do
     */
    public record FieldProblem(String field, String problem) {
    }
}
