package io.qualtrack.system;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose stack's Keycloak backs off failed sign-ins as ./run-local's identity-server does: the same failures
 * before the first wait, the same first wait growing to the same longest, forgotten after the same time, and never a
 * permanent lock-out (one person's typos, or someone guessing their name, must not shut them out for good). Keycloak
 * counts per username only; the identity server also counts per address.
 */
class KeycloakBruteForceTest {

    private static final String THROTTLE = "qualtrack.identity.sign-in-throttle.";

    @Test
    void keycloaksRealmBacksOffFailedSignInsAsTheIdentityServerDoes() throws IOException {
        Path root = OperationsFiles.get().root;
        Map<String, Object> identity = YamlAccess.load(
                Files.readString(root.resolve("identity-server/src/main/resources/identity-server.yml")), "identity-server.yml");
        JsonNode realm = Http.JSON.readTree(Files.readString(root.resolve("ops/keycloak/qualtrack-realm.json")));

        assertThat(realm.path("bruteForceProtected").asBoolean(false)).as("bruteForceProtected").isTrue();
        assertThat(realm.path("permanentLockout").isBoolean()).as("permanentLockout is set").isTrue();
        assertThat(realm.path("permanentLockout").asBoolean()).as("permanentLockout").isFalse();
        assertThat(realm.path("failureFactor").asInt()).as("failures before the first wait")
                .isEqualTo(Integer.parseInt(String.valueOf(YamlAccess.property(identity, THROTTLE + "allowed-failures"))));
        assertThat(seconds(realm, "waitIncrementSeconds")).as("the first wait").isEqualTo(duration(identity, "first-back-off"));
        assertThat(seconds(realm, "maxFailureWaitSeconds")).as("the longest wait").isEqualTo(duration(identity, "longest-back-off"));
        assertThat(seconds(realm, "maxDeltaTimeSeconds")).as("failures forgotten after").isEqualTo(duration(identity, "forget-after"));
        // failures quicker than a person types are a script: it waits as long as a first back-off at once
        assertThat(realm.path("quickLoginCheckMilliSeconds").asLong()).as("quickLoginCheckMilliSeconds").isEqualTo(1000);
        assertThat(seconds(realm, "minimumQuickLoginWaitSeconds")).as("minimumQuickLoginWaitSeconds")
                .isEqualTo(duration(identity, "first-back-off"));
    }

    private static Duration seconds(JsonNode realm, String field) {
        assertThat(realm.path(field).isIntegralNumber()).as(field + " is set").isTrue();
        return Duration.ofSeconds(realm.get(field).asLong());
    }

    private static Duration duration(Map<String, Object> identity, String setting) {
        return DurationStyle.detectAndParse(String.valueOf(YamlAccess.property(identity, THROTTLE + setting)));
    }
}
