package dev.bitbridge.testkit.bitbucket.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method and path to a handler. Path templates use {@code {name}} for one segment and {@code {name*}} for the
 * rest of the path, slashes included (a branch name like {@code feature/x} or a diff spec); handlers receive the
 * parameters in order, percent-decoded. Templates match the raw path, so an encoded slash ({@code %2F}) stays inside
 * its segment.
 *
 * @param <C> what a handler receives besides the request (the authenticated caller)
 */
public final class Router<C> {

    /** Handles one matched request. */
    @FunctionalInterface
    public interface Handler<C> {
        SimResponse handle(SimRequest request, List<String> params, C caller);
    }

    private record Route<C>(String method, Pattern pattern, Handler<C> handler) {
    }

    private final List<Route<C>> routes = new ArrayList<>();

    /** Adds a route; {@code template} like {@code /2.0/repositories/{ws}/{slug}}. */
    public Router<C> add(String method, String template, Handler<C> handler) {
        String regex = Pattern.quote(template).replaceAll("\\{[a-z_]+\\*\\}", "\\\\E(.+)\\\\Q")
                .replaceAll("\\{[a-z_]+\\}", "\\\\E([^/]+)\\\\Q");
        routes.add(new Route<>(method, Pattern.compile(regex + "/?"), handler));
        return this;
    }

    /**
     * @param notFound answers a path no route knows
     * @param notAllowed answers a known path with another method
     * @return the answer of the matching route
     */
    public SimResponse route(SimRequest request, C caller, Function<SimRequest, SimResponse> notFound,
            Function<SimRequest, SimResponse> notAllowed) {
        boolean pathKnown = false;
        for (Route<C> route : routes) {
            Matcher m = route.pattern.matcher(request.uri().getRawPath());
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (route.method.equals(request.method())) {
                List<String> params = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    params.add(UrlPaths.decode(m.group(i)));
                }
                return route.handler.handle(request, params, caller);
            }
        }
        return pathKnown ? notAllowed.apply(request) : notFound.apply(request);
    }
}
