package dev.bitbridge.trigger.jenkins;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Jenkins' remote access API as build-trigger uses it (jenkins.md): trigger a parameterised job, follow its queue item
 * and build, find a request by its {@code BITBRIDGE_REQUEST_ID} parameter, cancel and stop. Redirects are never
 * followed, and a queue item's id is read from the path of {@code Location} (behind a proxy its host may be wrong).
 * Every failure is a {@link JenkinsException} that says whether waiting helps and, if not, what to fix.
 */
public final class JenkinsClient {

    /** The build parameter that carries the request id, so that a build can be found again after a crash. */
    public static final String REQUEST_ID_PARAMETER = "BITBRIDGE_REQUEST_ID";
    /** How many of a job's newest builds a lookup reads. */
    static final int RECENT_BUILDS = 50;
    private static final Pattern QUEUE_ITEM = Pattern.compile("/queue/item/(\\d+)/?$");

    private final WebClient web;
    private final ObjectMapper json;
    private final Duration timeout;
    private final Crumbs crumbs = new Crumbs();

    /**
     * @param vertx the Vert.x instance
     * @param json reads Jenkins' JSON
     * @param timeout the longest a call may take, connecting included
     */
    public JenkinsClient(Vertx vertx, ObjectMapper json, Duration timeout) {
        this.web = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setConnectTimeout((int) timeout.toMillis()).setUserAgent("Bitbridge build-trigger")
                .setKeepAlive(true));
        this.json = json;
        this.timeout = timeout;
    }

    public void close() {
        web.close();
    }

    /**
     * {@code POST {job}/buildWithParameters}: a new queue item, or the waiting item it was merged into (303).
     *
     * @param jobUrl the job's URL ({@link JobUrls})
     * @param parameters the build parameters, {@link #REQUEST_ID_PARAMETER} among them
     * @return the queue item's id
     */
    public Uni<Long> trigger(JenkinsEndpoint endpoint, String jobUrl, String jobName, Map<String, String> parameters) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        parameters.forEach(form::add);
        String url = jobUrl + "buildWithParameters?delay=0sec";
        return post(endpoint, url, form, true).map(response -> {
            int status = response.statusCode();
            String location = response.getHeader("Location");
            if ((status == 201 || status == 303) && location != null) {
                Matcher id = QUEUE_ITEM.matcher(location.replaceFirst("\\?.*$", ""));
                if (id.find()) {
                    return Long.parseLong(id.group(1));
                }
            }
            throw refusedTrigger(endpoint, jobName, status, location);
        });
    }

    /** @return the queue item's state; {@link QueueItemState#found()} false when Jenkins no longer knows it */
    public Uni<QueueItemState> queueItem(JenkinsEndpoint endpoint, long id) {
        String url = base(endpoint) + "/queue/item/" + id + "/api/json?tree=" + tree("id,why,cancelled,executable[number,url]");
        return get(endpoint, url, "queue item " + id).map(node -> {
            if (node == null) {
                return QueueItemState.GONE;
            }
            JsonNode executable = node.path("executable");
            Integer number = executable.hasNonNull("number") ? executable.get("number").asInt() : null;
            return new QueueItemState(true, node.path("cancelled").asBoolean(false), number,
                    node.hasNonNull("why") ? node.get("why").asText() : null);
        });
    }

    /** @return the build; fails when Jenkins does not know it */
    public Uni<BuildStatus> build(JenkinsEndpoint endpoint, String jobUrl, String jobName, int number) {
        String url = jobUrl + number + "/api/json?tree=number,url,building,result,duration";
        return get(endpoint, url, "build " + jobName + " #" + number).map(node -> {
            if (node == null) {
                throw new JenkinsException(404, false, "Jenkins no longer has build #" + number + " of " + jobName
                        + " (deleted, or the job was renamed)");
            }
            return new BuildStatus(node.path("number").asInt(number), node.path("building").asBoolean(false),
                    node.hasNonNull("result") ? node.get("result").asText() : null, node.path("duration").asLong(0),
                    node.path("url").asText(null));
        });
    }

    /**
     * Looks for the request in the waiting queue and among the job's {@value #RECENT_BUILDS} newest builds, by its
     * {@link #REQUEST_ID_PARAMETER}: how a dispatch that may have reached Jenkins is recovered without a second POST.
     */
    public Uni<Optional<Located>> find(JenkinsEndpoint endpoint, String jobUrl, String jobName, String requestId) {
        String queue = base(endpoint) + "/queue/api/json?tree=" + tree("items[id,actions[parameters[name,value]]]");
        String builds = jobUrl + "api/json?tree=" + tree("builds[number,queueId,actions[parameters[name,value]]]{0,"
                + RECENT_BUILDS + "}");
        return get(endpoint, queue, "the queue").chain(queued -> {
            for (JsonNode item : queued == null ? json.createArrayNode() : queued.path("items")) {
                if (carries(item, requestId)) {
                    return Uni.createFrom().item(Optional.of(new Located(item.path("id").asLong(), null)));
                }
            }
            return get(endpoint, builds, "the builds of " + jobName).map(job -> {
                for (JsonNode build : job == null ? json.createArrayNode() : job.path("builds")) {
                    if (carries(build, requestId)) {
                        return Optional.of(new Located(build.hasNonNull("queueId") ? build.get("queueId").asLong()
                                : null, build.path("number").asInt()));
                    }
                }
                return Optional.<Located> empty();
            });
        });
    }

    /**
     * {@code POST /queue/cancelItem?id=N}: false when the item had already left the queue (404). A 422 is Jenkins
     * refusing: the user lacks Job/Cancel on the item's job (jenkins.md), which asking again will not change.
     */
    public Uni<Boolean> cancelQueued(JenkinsEndpoint endpoint, long id) {
        return post(endpoint, base(endpoint) + "/queue/cancelItem?id=" + id, MultiMap.caseInsensitiveMultiMap(), false)
                .map(response -> switch (response.statusCode()) {
                    case 200, 204, 302 -> true;
                    case 404 -> false;
                    case 422 -> throw new JenkinsException(422, false, "Jenkins refused to cancel queue item " + id
                            + ": user " + endpoint.user() + " lacks the Job/Cancel permission on its job");
                    default -> throw answer(response.statusCode(), "cancelling queue item " + id, endpoint);
                });
    }

    /** {@code POST {job}/{N}/stop}: Jenkins aborts the build */
    public Uni<Void> stop(JenkinsEndpoint endpoint, String jobUrl, String jobName, int number) {
        return post(endpoint, jobUrl + number + "/stop", MultiMap.caseInsensitiveMultiMap(), false)
                .map(response -> {
                    int status = response.statusCode();
                    if (status / 100 == 2 || status == 302) {
                        return null;
                    }
                    throw answer(status, "stopping " + jobName + " #" + number, endpoint);
                });
    }

    /** @return whether a queue item's or build's parameters carry the request id */
    private static boolean carries(JsonNode node, String requestId) {
        for (JsonNode action : node.path("actions")) {
            for (JsonNode parameter : action.path("parameters")) {
                if (REQUEST_ID_PARAMETER.equals(parameter.path("name").asText())
                        && requestId.equals(parameter.path("value").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private Uni<JsonNode> get(JenkinsEndpoint endpoint, String url, String what) {
        return send(request(endpoint, HttpMethod.GET, url).send(), what).map(response -> {
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw answer(response.statusCode(), "reading " + what, endpoint);
            }
            try {
                return json.readTree(response.bodyAsString());
            } catch (java.io.IOException e) {
                throw new JenkinsException(200, true, "Jenkins answered " + what + " with something that is not JSON");
            }
        });
    }

    /** A POST, with a crumb and its session cookie when the endpoint logs in with a password; one retry on a stale one */
    private Uni<HttpResponse<Buffer>> post(JenkinsEndpoint endpoint, String url, MultiMap form, boolean retryCrumb) {
        return crumb(endpoint).chain(crumb -> {
            HttpRequest<Buffer> request = request(endpoint, HttpMethod.POST, url);
            if (crumb != null) {
                request.putHeader(crumb.field(), crumb.value());
                if (crumb.cookie() != null) {
                    request.putHeader("Cookie", crumb.cookie());
                }
            }
            return send(request.sendForm(form), "POST " + path(url));
        }).chain(response -> {
            if (endpoint.password() && response.statusCode() == 403
                    && response.bodyAsString() != null && response.bodyAsString().contains("No valid crumb")) {
                crumbs.forget(endpoint);
                return retryCrumb ? post(endpoint, url, form, false) : Uni.createFrom().item(response);
            }
            return Uni.createFrom().item(response);
        });
    }

    private Uni<Crumbs.Crumb> crumb(JenkinsEndpoint endpoint) {
        if (!endpoint.password()) {
            return Uni.createFrom().nullItem();
        }
        Crumbs.Crumb known = crumbs.get(endpoint);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        String url = base(endpoint) + "/crumbIssuer/api/json";
        return send(request(endpoint, HttpMethod.GET, url).send(), "the crumb issuer").map(response -> {
            if (response.statusCode() == 404) {
                return null; // CSRF protection is off: no crumb needed
            }
            if (response.statusCode() != 200) {
                throw answer(response.statusCode(), "fetching a CSRF crumb", endpoint);
            }
            try {
                JsonNode node = json.readTree(response.bodyAsString());
                String cookie = response.cookies().stream().map(c -> c.split(";", 2)[0]).findFirst().orElse(null);
                Crumbs.Crumb crumb = new Crumbs.Crumb(node.path("crumbRequestField").asText("Jenkins-Crumb"),
                        node.path("crumb").asText(), cookie);
                crumbs.put(endpoint, crumb);
                return crumb;
            } catch (java.io.IOException e) {
                throw new JenkinsException(200, true, "Jenkins' crumb issuer answered something that is not JSON");
            }
        });
    }

    private HttpRequest<Buffer> request(JenkinsEndpoint endpoint, HttpMethod method, String url) {
        String basic = Base64.getEncoder().encodeToString((endpoint.user() + ":" + endpoint.secret())
                .getBytes(StandardCharsets.UTF_8));
        return web.requestAbs(method, url).putHeader("Authorization", "Basic " + basic)
                .putHeader("Accept", "application/json").timeout(timeout.toMillis());
    }

    private static Uni<HttpResponse<Buffer>> send(Uni<HttpResponse<Buffer>> sent, String what) {
        return sent.onFailure().transform(f -> JenkinsException.unreachable(what, f));
    }

    private static JenkinsException refusedTrigger(JenkinsEndpoint endpoint, String job, int status,
            String location) {
        return switch (status) {
            case 302 -> new JenkinsException(302, false, "Jenkins did not queue " + job + ": the job is not buildable"
                    + " or a plugin vetoed it (redirected to " + (location == null ? "the job page" : path(location))
                    + ")");
            case 400, 500 -> new JenkinsException(status, status == 500, "Jenkins refused buildWithParameters for "
                    + job + " (" + status + "): a job without parameters answers so. Declare at least the string"
                    + " parameter " + REQUEST_ID_PARAMETER + " on the job");
            case 404 -> new JenkinsException(404, false, "Jenkins has no job " + job + ", or user "
                    + endpoint.user() + " may not see it (no Read permission): check the job path and the user");
            case 409 -> new JenkinsException(409, false, "Jenkins job " + job + " is disabled: enable it in Jenkins");
            default -> answer(status, "triggering " + job, endpoint);
        };
    }

    private static JenkinsException answer(int status, String what, JenkinsEndpoint endpoint) {
        return switch (status) {
            case 401 -> new JenkinsException(401, false, "Jenkins refused the credentials of user " + endpoint.user()
                    + " while " + what + ": check the target's user name and API token");
            case 403 -> new JenkinsException(403, false, "Jenkins user " + endpoint.user() + " may not do this ("
                    + what + "): grant it Job/Build (and Job/Cancel to cancel) on the job or its folder");
            case 429, 502, 503, 504 -> new JenkinsException(status, true, "Jenkins is unavailable (" + status
                    + ") while " + what);
            default -> new JenkinsException(status, status >= 500, "Jenkins answered " + status + " while " + what);
        };
    }

    /** @return a {@code tree} value as a query parameter: its brackets and braces percent-encoded */
    private static String tree(String tree) {
        return java.net.URLEncoder.encode(tree, StandardCharsets.UTF_8);
    }

    private static String base(JenkinsEndpoint endpoint) {
        String base = endpoint.baseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String path(String url) {
        try {
            return java.net.URI.create(url).getRawPath();
        } catch (IllegalArgumentException e) {
            return "(an invalid URL)";
        }
    }
}
