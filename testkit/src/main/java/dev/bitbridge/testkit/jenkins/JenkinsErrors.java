package dev.bitbridge.testkit.jenkins;

import dev.bitbridge.testkit.bitbucket.http.SimResponse;

/**
 * Jenkins' error answers, HTML as Jenkins sends them: Jetty's error page for {@code sendError} (401 "Invalid
 * password/token for user", 403 "No valid crumb was included in the request", 409 "is not buildable", 400 "is not
 * parameterized"), Jenkins' "Access Denied" page with {@code X-You-Are-Authenticated-As} and
 * {@code X-Required-Permission} ({@code AccessDeniedHandlerImpl}), "Authentication required" for anonymous callers
 * ({@code HudsonAuthenticationEntryPoint}: 403, not 401), and its 404 page.
 */
final class JenkinsErrors {

    /** CrumbFilter's message. */
    static final String NO_CRUMB = "No valid crumb was included in the request";

    private JenkinsErrors() {
    }

    /** @return Jetty's error page for {@code sendError(status, message)} */
    static SimResponse error(int status, String message, String uri) {
        String escaped = escape(message);
        String body = "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
                + "<title>Error " + status + " " + escaped + "</title>\n</head>\n<body><h2>HTTP ERROR " + status + " "
                + escaped + "</h2>\n<table>\n<tr><th>URI:</th><td>" + escape(uri) + "</td></tr>\n<tr><th>STATUS:</th><td>"
                + status + "</td></tr>\n<tr><th>MESSAGE:</th><td>" + escaped
                + "</td></tr>\n<tr><th>SERVLET:</th><td>Stapler</td></tr>\n</table>\n</body>\n</html>\n";
        return html(status, body);
    }

    /** @return 401 for refused Basic credentials, with {@code WWW-Authenticate: Basic realm="Jenkins"} */
    static SimResponse badCredentials(String message, String uri) {
        return error(401, message, uri).header("WWW-Authenticate", "Basic realm=\"Jenkins\"");
    }

    /** @return 403 for an authenticated caller lacking a permission */
    static SimResponse accessDenied(Caller caller, Permission missing) {
        if (caller.anonymous()) {
            return authenticationRequired(missing);
        }
        String message = caller.name() + " is missing the " + missing.title() + " permission";
        return html(403, page("Access Denied", "<h1>Access Denied</h1><p>" + escape(message) + "</p>"))
                .header("X-You-Are-Authenticated-As", caller.name()).header("X-You-Are-In-Group-Disabled",
                        "JENKINS-39402: use -Dhudson.security.AccessDeniedException2.REPORT_GROUP_HEADERS=true or "
                                + "use /whoAmI to diagnose")
                .header("X-Required-Permission", missing.id())
                .header("X-Permission-Implied-By", "hudson.model.Hudson.Administer");
    }

    /** @return the 403 an anonymous caller gets where it lacks a permission */
    static SimResponse authenticationRequired(Permission missing) {
        return html(403, page("Authentication required", "<p>Authentication required</p>\n<!--\n"
                + "anonymous is missing the " + missing.title() + " permission\n-->"))
                .header("X-You-Are-Authenticated-As", "anonymous").header("X-Required-Permission", missing.id())
                .header("X-Permission-Implied-By", "hudson.model.Hudson.Administer");
    }

    static SimResponse notFound() {
        return html(404, page("Not Found", "<h1>Not Found</h1><p>This page may not exist, or you may not have "
                + "permission to see it.</p>"));
    }

    /** @return 405 for a GET where Jenkins requires POST ({@code @RequirePOST}) */
    static SimResponse requirePost() {
        return html(405, page("This URL requires POST", "<p>This URL requires POST</p>")).header("Allow", "POST");
    }

    static SimResponse html(int status, String body) {
        return SimResponse.text(status, body).header("Content-Type", "text/html;charset=utf-8");
    }

    static String page(String title, String content) {
        return "<!DOCTYPE html><html><head><title>" + escape(title) + " [Jenkins]</title></head><body>" + content
                + "</body></html>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
