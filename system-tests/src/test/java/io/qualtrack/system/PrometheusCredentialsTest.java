package io.qualtrack.system;

import io.qualtrack.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.qualtrack.system.YamlAccess.map;
import static io.qualtrack.system.YamlAccess.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus in the compose stack scrapes the services with a token of its own (OAuth 2.0 client credentials from
 * Keycloak), whose only role is {@code metrics-reader}: read from {@code ops/prometheus/prometheus.yml},
 * {@code docker-compose.yml}, {@code .env} and the realm, without Docker. A scrape without it is answered 401.
 */
class PrometheusCredentialsTest {

    private static final String SECRETS_DIRECTORY = "/run/secrets/";

    private final OperationsFiles files = OperationsFiles.get();

    @Test
    void everyServicesScrapeSignsInAsAKeycloakClientWhoseOnlyRoleIsMetricsReaderWithTheSecretComposeGivesPrometheus() throws IOException {
        Map<String, Object> prometheus = files.yaml("ops/prometheus/prometheus.yml", "prometheus.yml");
        JsonNode realm = Http.JSON.readTree(Files.readString(files.root.resolve("ops/keycloak/qualtrack-realm.json")));
        List<String> problems = new ArrayList<>();
        for (ServiceConfig config : files.configs.values()) {
            String target = config.name() + ":" + config.port();
            List<Map<String, Object>> scrapes = scrapesOf(prometheus, target);
            if (scrapes.isEmpty()) {
                problems.add("no scrape config targets " + target);
            }
            for (Map<String, Object> scrape : scrapes) {
                problems.addAll(signIn(scrape, config.name(), realm).stream().map(problem -> scrape.get("job_name") + ": " + problem).toList());
            }
        }
        assertThat(problems).as("how Prometheus signs in to the services").isEmpty();
    }

    @Test
    void theRealmKnowsTheMetricsRoleAndGivesItToNoPersonAndToNoSystemButPrometheus() throws IOException {
        JsonNode realm = Http.JSON.readTree(Files.readString(files.root.resolve("ops/keycloak/qualtrack-realm.json")));
        List<String> roles = new ArrayList<>();
        realm.at("/roles/realm").forEach(role -> roles.add(role.get("name").asString()));
        assertThat(roles).as("the realm's roles").contains(Role.METRICS_READER.claim());

        Set<String> scrapers = Set.copyOf(scrapeClients());
        List<String> holders = new ArrayList<>();
        for (JsonNode user : realm.get("users")) {
            if (texts(user.get("realmRoles")).contains(Role.METRICS_READER.claim())) {
                holders.add(user.path("serviceAccountClientId").asString(user.get("username").asString()));
            }
        }
        assertThat(holders).as("who holds " + Role.METRICS_READER.claim()).containsExactlyInAnyOrderElementsOf(scrapers);
    }

    /** What is wrong with how {@code scrape} signs in to {@code service}; nothing if it gets a metrics reader's token. */
    private List<String> signIn(Map<String, Object> scrape, String service, JsonNode realm) {
        List<String> problems = new ArrayList<>();
        if (!(scrape.get("oauth2") instanceof Map<?, ?> oauth2)) {
            return List.of("no oauth2 block: the scrape has no token and is answered 401");
        }
        for (String other : List.of("basic_auth", "authorization", "bearer_token", "bearer_token_file")) {
            if (scrape.containsKey(other)) {
                problems.add("has " + other + " beside oauth2");
            }
        }
        String issuer = files.containerEnvironment(service).get("OIDC_ISSUER_URI");
        String tokenUrl = issuer + "/protocol/openid-connect/token";
        if (!tokenUrl.equals(oauth2.get("token_url"))) {
            problems.add("token_url " + oauth2.get("token_url") + ", not the token endpoint of " + service + "'s issuer, " + tokenUrl);
        }
        if (oauth2.containsKey("scopes") || oauth2.containsKey("endpoint_params")) {
            problems.add("asks for scopes or parameters of its own: the client's default scopes give the roles and the audience");
        }
        String clientId = String.valueOf(oauth2.get("client_id"));
        JsonNode client = client(realm, clientId);
        if (client == null) {
            problems.add("client_id " + clientId + " is no client of the realm");
            return problems;
        }
        if (!client.path("serviceAccountsEnabled").asBoolean(false) || client.path("publicClient").asBoolean(true)) {
            problems.add(clientId + " is not a confidential client with a service account (client credentials)");
        }
        if (client.path("standardFlowEnabled").asBoolean(true) || client.path("directAccessGrantsEnabled").asBoolean(false)) {
            problems.add(clientId + " signs people in too: it should only get tokens for itself");
        }
        if (!texts(client.get("defaultClientScopes")).contains("qualtrack")) {
            problems.add(clientId + " lacks the qualtrack client scope, which puts the roles claim and the qualtrack audience in its tokens");
        }
        JsonNode account = serviceAccount(realm, clientId);
        List<String> roles = account == null ? List.of() : texts(account.get("realmRoles"));
        if (!roles.equals(List.of(Role.METRICS_READER.claim()))) {
            problems.add(clientId + "'s service account has the roles " + roles + ", not exactly [" + Role.METRICS_READER.claim() + "]");
        }
        String secret = secretGiven(oauth2, problems);
        if (secret != null && !secret.equals(client.path("secret").asString(null))) {
            problems.add("the secret Prometheus gets is not " + clientId + "'s secret in the realm");
        }
        return problems;
    }

    /**
     * The client secret as the prometheus container gets it: {@code client_secret_file} naming a compose secret mounted
     * in it (from a variable of {@code .env} or a file), or an inline {@code client_secret}.
     */
    private String secretGiven(Map<?, ?> oauth2, List<String> problems) {
        if (oauth2.get("client_secret") != null) {
            return String.valueOf(oauth2.get("client_secret"));
        }
        String path = String.valueOf(oauth2.get("client_secret_file"));
        String mounted = null;
        for (Object entry : listOf(files.service("prometheus").get("secrets"))) {
            String source = entry instanceof Map<?, ?> m ? String.valueOf(m.get("source")) : String.valueOf(entry);
            Object target = entry instanceof Map<?, ?> m ? m.get("target") : null;
            String at = target == null ? SECRETS_DIRECTORY + source
                    : String.valueOf(target).startsWith("/") ? String.valueOf(target) : SECRETS_DIRECTORY + target;
            if (at.equals(path)) {
                mounted = source;
            }
        }
        if (mounted == null) {
            problems.add("client_secret_file " + path + " is no secret compose mounts in the prometheus service");
            return null;
        }
        Map<String, Object> secret = map(map(YamlAccess.load(files.composeText, "docker-compose.yml").get("secrets"),
                "docker-compose.yml: secrets").get(mounted), "docker-compose.yml: secrets." + mounted);
        if (secret.get("environment") != null) {
            String variable = String.valueOf(secret.get("environment"));
            if (!files.env.containsKey(variable)) {
                problems.add("secret " + mounted + " comes from " + variable + ", which .env does not set");
            }
            return files.env.get(variable);
        }
        try {
            return Files.readString(files.root.resolve(String.valueOf(secret.get("file")))).strip();
        } catch (IOException e) {
            problems.add("secret " + mounted + ": " + e);
            return null;
        }
    }

    private List<String> scrapeClients() throws IOException {
        Map<String, Object> prometheus = files.yaml("ops/prometheus/prometheus.yml", "prometheus.yml");
        List<String> clients = new ArrayList<>();
        for (Object scrape : listOf(prometheus.get("scrape_configs"))) {
            if (map(scrape, "scrape_config").get("oauth2") instanceof Map<?, ?> oauth2 && !clients.contains(String.valueOf(oauth2.get("client_id")))) {
                clients.add(String.valueOf(oauth2.get("client_id")));
            }
        }
        return clients;
    }

    private static List<Map<String, Object>> scrapesOf(Map<String, Object> prometheus, String target) {
        List<Map<String, Object>> scrapes = new ArrayList<>();
        for (Object entry : listOf(prometheus.get("scrape_configs"))) {
            Map<String, Object> scrape = map(entry, "scrape_config");
            for (Object config : listOf(scrape.get("static_configs"))) {
                if (strings(map(config, "static_config").get("targets")).contains(target)) {
                    scrapes.add(scrape);
                }
            }
        }
        return scrapes;
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (clientId.equals(client.get("clientId").asString())) {
                return client;
            }
        }
        return null;
    }

    private static JsonNode serviceAccount(JsonNode realm, String clientId) {
        for (JsonNode user : realm.get("users")) {
            if (clientId.equals(user.path("serviceAccountClientId").asString(null))) {
                return user;
            }
        }
        return null;
    }

    private static List<?> listOf(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> texts.add(item.asString()));
        }
        return texts;
    }
}
