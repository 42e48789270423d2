package dev.bitbridge.trigger.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.bitbridge.api.ApiError.FieldProblem;
import dev.bitbridge.events.build.JobPaths;

/** Checks a Jenkins target before it is stored: every problem, with the field and what to do. */
final class TargetValidator {

    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");

    private TargetValidator() {
    }

    static List<FieldProblem> problems(TargetRequest request, boolean exists) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.baseUrl() == null || !httpUrl(request.baseUrl())) {
            problems.add(new FieldProblem("baseUrl", "must be Jenkins' absolute http or https URL, e.g."
                    + " 'https://ci.example.com/' (with its context path, if any)"));
        }
        if (request.username() == null || request.username().isBlank()) {
            problems.add(new FieldProblem("username", "is required: the Jenkins user builds run as"));
        }
        if (!"api-token".equals(request.credentialKind()) && !"password".equals(request.credentialKind())) {
            problems.add(new FieldProblem("credentialKind", "must be 'api-token' (recommended) or 'password'"));
        }
        if (!exists && (request.secret() == null || request.secret().isEmpty())) {
            problems.add(new FieldProblem("secret", "is required for a new target: the user's API token or"
                    + " password (it is stored encrypted and never shown again)"));
        }
        job("defaultJob", request.defaultJob(), problems);
        job("multibranch", request.multibranch(), problems);
        if (request.jobMapping() != null) {
            request.jobMapping().forEach((from, to) -> {
                job("jobMapping." + from, from, problems);
                job("jobMapping." + from, to, problems);
            });
        }
        if (request.parameters() != null) {
            for (Map.Entry<String, String> parameter : request.parameters().entrySet()) {
                if (!PARAMETER.matcher(parameter.getKey()).matches()) {
                    problems.add(new FieldProblem("parameters." + parameter.getKey(), "is not a usable Jenkins"
                            + " parameter name: letters, digits, '_', '.' and '-', starting with a letter or '_'"));
                }
            }
        }
        return problems;
    }

    private static void job(String field, String path, List<FieldProblem> problems) {
        if (path != null) {
            JobPaths.problem(path).ifPresent(problem -> problems.add(new FieldProblem(field, problem)));
        }
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null && uri.getUserInfo() == null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
