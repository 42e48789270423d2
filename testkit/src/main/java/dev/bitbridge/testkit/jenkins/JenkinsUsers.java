package dev.bitbridge.testkit.jenkins;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Users of Jenkins' own user database and a matrix of permissions (jenkins.md "Authentication and CSRF"). HTTP Basic
 * carries a password or an API token; anything else sent as Basic is refused with 401 ({@code BasicHeaderProcessor}).
 * Permissions are granted globally or on an item, and hold for everything inside that item; grants add up.
 */
final class JenkinsUsers {

    /** The outcome of reading a request's credentials: a caller, or the reason for a 401. */
    record Authentication(Caller caller, String failure) {
    }

    private static final Set<Permission> EVERYTHING = EnumSet.allOf(Permission.class);
    private static final Set<Permission> ANONYMOUS_READ = EnumSet.of(Permission.OVERALL_READ, Permission.JOB_READ);

    private record User(String password, Set<String> tokens, Set<Permission> global,
            Map<List<String>, Set<Permission>> onItems) {
    }

    private final Map<String, User> users = new LinkedHashMap<>();
    private boolean anonymousRead;

    void add(String name, String password, Set<Permission> global) {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        granted.addAll(global);
        users.put(name, new User(password, new HashSet<>(), granted, new HashMap<>()));
    }

    void addWithAll(String name, String password) {
        users.put(name, new User(password, new HashSet<>(), EnumSet.copyOf(EVERYTHING), new HashMap<>()));
    }

    void apiToken(String name, String token) {
        user(name).tokens.add(token);
    }

    void revokeApiToken(String name, String token) {
        user(name).tokens.remove(token);
    }

    void grant(String name, List<String> itemPath, Permission... permissions) {
        Set<Permission> on = user(name).onItems.computeIfAbsent(List.copyOf(itemPath), p -> EnumSet.noneOf(
                Permission.class));
        on.addAll(List.of(permissions));
    }

    void anonymousRead(boolean allowed) {
        anonymousRead = allowed;
    }

    Authentication authenticate(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return new Authentication(Caller.ANONYMOUS, null);
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            pair = "";
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return new Authentication(null, "Malformed HTTP basic Authorization header");
        }
        String name = pair.substring(0, colon);
        String secret = pair.substring(colon + 1);
        User user = users.get(name);
        if (user != null && user.tokens.contains(secret)) {
            return new Authentication(new Caller(name, true), null);
        }
        if (user != null && user.password.equals(secret)) {
            return new Authentication(new Caller(name, false), null);
        }
        return new Authentication(null, "Invalid password/token for user: " + name);
    }

    /** @return whether the caller holds the permission on the item (the empty path: Jenkins itself) */
    boolean has(Caller caller, Permission permission, List<String> itemPath) {
        if (caller.anonymous()) {
            return anonymousRead && (ANONYMOUS_READ.contains(permission) || permission == Permission.JOB_DISCOVER);
        }
        User user = users.get(caller.name());
        if (user == null) {
            return false;
        }
        Set<Permission> held = EnumSet.noneOf(Permission.class);
        held.addAll(user.global);
        for (int i = 1; i <= itemPath.size(); i++) {
            held.addAll(user.onItems.getOrDefault(itemPath.subList(0, i), Set.of()));
        }
        return held.contains(permission) || permission == Permission.JOB_DISCOVER && held.contains(
                Permission.JOB_READ);
    }

    private User user(String name) {
        User user = users.get(name);
        if (user == null) {
            throw new IllegalArgumentException("No user " + name);
        }
        return user;
    }
}
