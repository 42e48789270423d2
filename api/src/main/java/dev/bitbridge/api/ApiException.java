package dev.bitbridge.api;

import java.util.List;

/**
 * A request the API refuses, with the status and the {@link ApiError} to answer. Its message is the error's detail,
 * which never contains a submitted value.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient ApiError body;

    public ApiException(int status, ApiError body) {
        super(body.detail(), null, false, false);
        this.status = status;
        this.body = body;
    }

    public static ApiException invalid(List<ApiError.FieldProblem> problems) {
        String detail = problems.size() == 1
                ? "Field '" + problems.get(0).field() + "' " + problems.get(0).problem()
                : problems.size() + " fields are invalid; see 'fields'";
        return new ApiException(400, new ApiError("invalid_request", detail, List.copyOf(problems)));
    }

    public static ApiException invalid(String field, String problem) {
        return invalid(List.of(new ApiError.FieldProblem(field, problem)));
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, ApiError.of("not_found", what));
    }

    public static ApiException conflict(String what) {
        return new ApiException(409, ApiError.of("conflict", what));
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return body;
    }
}
