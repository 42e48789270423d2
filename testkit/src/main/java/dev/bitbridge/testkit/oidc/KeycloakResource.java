package dev.bitbridge.testkit.oidc;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real {@link KeycloakServer} for a {@code @QuarkusTest}, with the {@value #REALM} realm imported, and quarkus-oidc
 * pointed at it ({@code quarkus.oidc.auth-server-url}); whether OIDC is on stays the test profile's choice. The test
 * gets the server in a field marked {@link InjectKeycloak}. Use it with
 * {@code @QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = true)}: unrestricted, every
 * test of the module would start Keycloak.
 * <p>
 * The realm ({@code bitbridge-realm.json} beside this class) has the Bitbridge API's realm roles and one confidential
 * client, {@value #CLIENT_ID}, allowed the password grant. Its access tokens carry the realm roles in
 * {@code realm_access.roles}, where quarkus-oidc looks when a token has no {@code groups} claim, and the user's groups
 * as the spaces claim {@code bitbridge_spaces}. Users, each with the password {@code <name>-password}:
 * <ul>
 * <li>{@code alice}: role {@code admin}, group {@code default};
 * <li>{@code bob}: role {@code reader}, group {@code team-a};
 * <li>{@code carol}: no role of the API, group {@code team-b}.
 * </ul>
 * Init argument {@code realm-file} names another realm file on the classpath; {@code timeout} (ISO-8601, default
 * {@code PT2M}) bounds the start.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "bitbridge";
    public static final String CLIENT_ID = "bitbridge-test";
    public static final String CLIENT_SECRET = "bitbridge-test-secret";
    static final String REALM_FILE = "/dev/bitbridge/testkit/oidc/bitbridge-realm.json";

    private String realmFile = REALM_FILE;
    private Duration timeout = Duration.ofMinutes(2);
    private KeycloakServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        realmFile = initArgs.getOrDefault("realm-file", REALM_FILE);
        timeout = Duration.parse(initArgs.getOrDefault("timeout", "PT2M"));
    }

    @Override
    public Map<String, String> start() {
        String realm = KeycloakServer.realmResource(realmFile);
        server = KeycloakServer.start(List.of(realm), timeout);
        return Map.of("quarkus.oidc.auth-server-url", server.realmUrl(KeycloakServer.realmName(realm)));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectKeycloak.class, KeycloakServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
