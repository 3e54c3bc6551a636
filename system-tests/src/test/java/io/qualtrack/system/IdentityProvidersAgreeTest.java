package io.qualtrack.system;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ./run-local's identity-server and the compose stack's Keycloak realm sign in the same demo people and systems, with
 * the same passwords, roles, centres and learners, and access tokens that live as long: whichever way the system runs,
 * the demo behaves the same.
 */
class IdentityProvidersAgreeTest {

    /** What a token says about a person or a system, as either provider configures it. */
    record Identity(String secret, List<String> roles, List<String> centres, String learnerId, List<String> redirectUris) {
    }

    @Test
    void keycloaksRealmHasTheIdentityServersPeopleAndSystems() throws IOException {
        Path root = OperationsFiles.get().root;
        Map<String, Object> identity = YamlAccess.load(
                Files.readString(root.resolve("identity-server/src/main/resources/identity-server.yml")), "identity-server.yml");
        JsonNode realm = Http.JSON.readTree(Files.readString(root.resolve("ops/keycloak/qualtrack-realm.json")));

        assertThat(keycloakPeople(realm)).isEqualTo(identityServerPeople(identity));
        assertThat(keycloakSystems(realm)).isEqualTo(identityServerSystems(identity));
        assertThat(Duration.ofSeconds(realm.get("accessTokenLifespan").asLong())).as("how long an access token lives")
                .isEqualTo(DurationStyle.detectAndParse(String.valueOf(
                        YamlAccess.property(identity, "qualtrack.identity.tokens.access-token-lifetime"))));
    }

    private static Map<String, Identity> identityServerPeople(Map<String, Object> identity) {
        Map<String, Identity> people = new TreeMap<>();
        for (Object entry : (List<?>) YamlAccess.property(identity, "qualtrack.identity.people")) {
            Map<?, ?> person = (Map<?, ?>) entry;
            people.put(String.valueOf(person.get("username")), new Identity(String.valueOf(person.get("password")),
                    strings(person.get("roles")), strings(person.get("centres")), (String) person.get("learnerId"), List.of()));
        }
        return people;
    }

    private static Map<String, Identity> identityServerSystems(Map<String, Object> identity) {
        Map<String, Identity> systems = new TreeMap<>();
        for (Object entry : (List<?>) YamlAccess.property(identity, "qualtrack.identity.clients")) {
            Map<?, ?> client = (Map<?, ?>) entry;
            systems.put(String.valueOf(client.get("clientId")), new Identity(String.valueOf(client.get("secret")),
                    strings(client.get("roles")), strings(client.get("centres")), null, strings(client.get("redirectUris"))));
        }
        return systems;
    }

    private static Map<String, Identity> keycloakPeople(JsonNode realm) {
        Map<String, Identity> people = new TreeMap<>();
        for (JsonNode user : realm.get("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            JsonNode learner = user.at("/attributes/learner_id/0");
            people.put(user.get("username").asString(), new Identity(user.at("/credentials/0/value").asString(),
                    texts(user.get("realmRoles")), texts(user.at("/attributes/centres")),
                    learner.isMissingNode() ? null : learner.asString(), List.of()));
        }
        return people;
    }

    private static Map<String, Identity> keycloakSystems(JsonNode realm) {
        Map<String, Identity> systems = new TreeMap<>();
        for (JsonNode client : realm.get("clients")) {
            JsonNode account = null;
            for (JsonNode user : realm.get("users")) {
                if (client.get("clientId").asString().equals(user.path("serviceAccountClientId").asString(null))) {
                    account = user;
                }
            }
            systems.put(client.get("clientId").asString(), new Identity(client.get("secret").asString(),
                    account == null ? List.of() : texts(account.get("realmRoles")),
                    account == null ? List.of() : texts(account.at("/attributes/centres")), null, texts(client.get("redirectUris"))));
        }
        return systems;
    }

    private static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> strings.add(String.valueOf(item)));
        }
        return strings;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> texts.add(item.asString()));
        }
        return texts;
    }
}
