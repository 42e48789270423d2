package dev.bitbridge.testkit.jenkins;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.http.Json;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;

/**
 * {@code /queue/api/json}, {@code /queue/item/{id}/api/json} and {@code POST /queue/cancelItem?id=}
 * ({@code Queue.doCancelItem}): 204 when cancelled, 422 without Job/Cancel, 404 when unknown, unreadable or already left
 * (jenkins.md "Following a build"; Jenkins' own source answers 500 "Could not cancel run" for a left item still kept,
 * the simulator follows jenkins.md).
 */
final class QueueApi {

    private final JenkinsModel model;

    QueueApi(JenkinsModel model) {
        this.model = model;
    }

    SimResponse list(Call call) {
        long now = model.now();
        return ApiJson.serve(call, now, model.readable(call.caller()), json -> {
            ObjectNode out = Json.object().put("_class", "hudson.model.Queue");
            out.putArray("discoverableItems");
            ArrayNode items = out.putArray("items");
            model.queue.inQueue(now).stream().filter(i -> readable(call, i)).forEach(i -> items.add(json
                    .queueItem(i)));
            return out;
        });
    }

    SimResponse item(Call call, String id) {
        QueueItem item = find(call, id);
        if (item == null) {
            return JenkinsErrors.notFound();
        }
        return ApiJson.serve(call, model.now(), model.readable(call.caller()), json -> json.queueItem(item));
    }

    SimResponse cancel(Call call) {
        String id = call.parameter("id");
        QueueItem item = find(call, id == null ? "0" : id);
        String path = call.request().uri().getRawPath();
        if (item == null || item.state(model.now()) == QueueItem.State.LEFT) {
            return JenkinsErrors.error(404, "Provided id (" + id + ") not found", path);
        }
        if (!model.users.has(call.caller(), Permission.JOB_CANCEL, item.job().path())) {
            return JenkinsErrors.error(422, "Item for id (" + id + ") is not cancellable", path);
        }
        item.cancel(model.now());
        return SimResponse.empty(204);
    }

    private QueueItem find(Call call, String id) {
        try {
            QueueItem item = model.queue.get(Long.parseLong(id));
            return item != null && readable(call, item) ? item : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean readable(Call call, QueueItem item) {
        return model.users.has(call.caller(), Permission.JOB_READ, item.job().path());
    }
}
