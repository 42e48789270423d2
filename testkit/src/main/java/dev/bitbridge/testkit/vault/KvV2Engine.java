package dev.bitbridge.testkit.vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One KV version 2 secrets engine as Vault documents it (https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2):
 * every write adds a version, reads return the latest (or {@code ?version=n}), {@code DELETE /data} marks the latest
 * version deleted, {@code DELETE /metadata} removes the secret with all its versions.
 */
final class KvV2Engine {

    private final Map<String, List<Version>> secrets = new ConcurrentHashMap<>();

    /** {@code GET /v1/:mount/data/:path} */
    synchronized VaultReply read(String path, Integer wanted) {
        List<Version> versions = secrets.get(path);
        if (versions == null || versions.isEmpty()) {
            return VaultReply.errors(404);
        }
        int number = wanted == null || wanted == 0 ? versions.size() : wanted;
        if (number < 1 || number > versions.size()) {
            return VaultReply.errors(404);
        }
        Version version = versions.get(number - 1);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("data", version.deleted() == null ? version.data() : null);
        data.put("metadata", version.metadata(number));
        // A deleted version is answered 404, with its metadata but without data.
        return new VaultReply(version.deleted() == null ? 200 : 404, envelope(data));
    }

    /** {@code POST /v1/:mount/data/:path} with {@code {"options": {"cas": n}, "data": {...}}} */
    synchronized VaultReply write(String path, Map<String, Object> body) {
        if (!(body.get("data") instanceof Map<?, ?> data)) {
            return VaultReply.errors(400, "no data provided");
        }
        List<Version> versions = secrets.computeIfAbsent(path, p -> new ArrayList<>());
        if (body.get("options") instanceof Map<?, ?> options && options.get("cas") instanceof Number cas
                && cas.intValue() != versions.size()) {
            return VaultReply.errors(400, "check-and-set parameter did not match the current version");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        data.forEach((name, value) -> copy.put(String.valueOf(name), value));
        versions.add(new Version(copy, Instant.now(), null));
        return VaultReply.ok(envelope(versions.get(versions.size() - 1).metadata(versions.size())));
    }

    /** {@code DELETE /v1/:mount/data/:path}: the latest version is marked deleted; its data stays until destroyed. */
    synchronized VaultReply deleteLatest(String path) {
        List<Version> versions = secrets.get(path);
        if (versions != null && !versions.isEmpty()) {
            int last = versions.size() - 1;
            versions.set(last, versions.get(last).markDeleted());
        }
        return VaultReply.noContent();
    }

    /** {@code DELETE /v1/:mount/metadata/:path}: the secret and every version are gone; succeeds when absent too. */
    synchronized VaultReply deleteAll(String path) {
        secrets.remove(path);
        return VaultReply.noContent();
    }

    /** {@code GET /v1/:mount/metadata/:path} */
    synchronized VaultReply readMetadata(String path) {
        List<Version> versions = secrets.get(path);
        if (versions == null || versions.isEmpty()) {
            return VaultReply.errors(404);
        }
        Map<String, Object> byNumber = new LinkedHashMap<>();
        for (int i = 0; i < versions.size(); i++) {
            byNumber.put(String.valueOf(i + 1), versions.get(i).metadata(i + 1));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("current_version", versions.size());
        data.put("oldest_version", 1);
        data.put("max_versions", 0);
        data.put("cas_required", false);
        data.put("created_time", versions.get(0).created().toString());
        data.put("updated_time", versions.get(versions.size() - 1).created().toString());
        data.put("custom_metadata", null);
        data.put("versions", byNumber);
        return VaultReply.ok(envelope(data));
    }

    /** @return the latest version's data of {@code path}, for tests; null when there is none */
    synchronized Map<String, Object> latest(String path) {
        List<Version> versions = secrets.get(path);
        return versions == null || versions.isEmpty() ? null : versions.get(versions.size() - 1).data();
    }

    /** @return how many versions {@code path} holds, deleted ones included */
    synchronized int versions(String path) {
        List<Version> versions = secrets.get(path);
        return versions == null ? 0 : versions.size();
    }

    private static Map<String, Object> envelope(Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("request_id", java.util.UUID.randomUUID().toString());
        envelope.put("lease_id", "");
        envelope.put("renewable", false);
        envelope.put("lease_duration", 0);
        envelope.put("data", data);
        envelope.put("wrap_info", null);
        envelope.put("warnings", null);
        envelope.put("auth", null);
        envelope.put("mount_type", "kv");
        return envelope;
    }

    private record Version(Map<String, Object> data, Instant created, Instant deleted) {

        Version markDeleted() {
            return deleted != null ? this : new Version(data, created, Instant.now());
        }

        Map<String, Object> metadata(int number) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("created_time", created.toString());
            metadata.put("custom_metadata", null);
            metadata.put("deletion_time", deleted == null ? "" : deleted.toString());
            metadata.put("destroyed", false);
            metadata.put("version", number);
            return metadata;
        }
    }
}
