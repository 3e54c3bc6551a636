package io.qualtrack.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.qualtrack.system.YamlAccess.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MongoDB in the compose stack requires credentials, and each service may use its own database only: read from
 * {@code docker-compose.yml}, {@code .env} and {@code ops/mongodb}, without Docker.
 */
class MongoCredentialsTest {

    private static final String INIT_SCRIPT = "ops/mongodb/initdb/service-users.js";
    private static final Pattern INIT_USER = Pattern.compile(
            "\\{ user: '([^']+)', db: '([^']+)', passwordVariable: '([A-Z0-9_]+)' }");
    /** {@code mongodb://user:password@host/database?options}. */
    private static final Pattern URI = Pattern.compile("mongodb://([^:@/]+):([^@]+)@([^/]+)/([^?]+)\\?(.*)");

    private final OperationsFiles files = OperationsFiles.get();

    @Test
    void mongodbRunsWithAccessControlARootUserFromDotEnvAndTheServiceUsersScript() throws IOException {
        Map<String, Object> mongodb = files.service("mongodb");
        Map<String, String> environment = files.containerEnvironment("mongodb");
        Map<String, String> raw = Compose.environment(mongodb.get("environment"));
        assertThat(environment.get("MONGO_INITDB_ROOT_USERNAME")).as("MONGO_INITDB_ROOT_USERNAME (the image then runs mongod --auth)").isNotBlank();
        assertThat(raw.get("MONGO_INITDB_ROOT_PASSWORD")).as("the root password comes from .env").matches("\\$\\{[A-Z_]+}");
        assertThat(environment.get("MONGO_INITDB_ROOT_PASSWORD")).as("the root password in .env").isNotBlank();
        assertThat(strings(mongodb.get("volumes"))).as("the service users' script is where the image runs it on a new volume")
                .contains("./ops/mongodb/initdb:/docker-entrypoint-initdb.d:ro");
        assertThat(strings(mongodb.get("entrypoint"))).as("the key file for the replica set, then the image's entrypoint")
                .containsExactly("bash", "/etc/qualtrack/mongodb/start");
        assertThat(Files.readString(files.root.resolve("ops/mongodb/start"))).as("ops/mongodb/start")
                .contains("exec docker-entrypoint.sh \"$@\" --keyFile \"$keyfile\"");
        String health = String.join(" ", Compose.healthcheckTest(mongodb));
        assertThat(health).as("the healthcheck signs in as root")
                .contains("-u \"$$MONGO_INITDB_ROOT_USERNAME\" -p \"$$MONGO_INITDB_ROOT_PASSWORD\" --authenticationDatabase admin");
    }

    @Test
    void everyServiceConnectsAsItsOwnUserWhoMayReadAndWriteOnlyItsOwnDatabase() throws IOException {
        Map<String, InitUser> users = initUsers();
        Map<String, String> mongodb = files.containerEnvironment("mongodb");
        List<String> problems = new ArrayList<>();
        Set<String> passwords = new HashSet<>();
        for (ServiceConfig config : files.configs.values()) {
            String name = config.name();
            String database = config.placeholders().getOrDefault("MONGODB_URI", "").replaceAll(".*/([^/?]+).*", "$1");
            Matcher uri = URI.matcher(files.containerEnvironment(name).getOrDefault("MONGODB_URI", ""));
            if (!uri.matches()) {
                problems.add(name + ": MONGODB_URI carries no user and password");
                continue;
            }
            InitUser user = users.get(uri.group(1));
            if (!uri.group(1).equals(name) || user == null) {
                problems.add(name + ": connects as " + uri.group(1) + ", not as its own user from " + INIT_SCRIPT);
                continue;
            }
            if (!user.database().equals(database) || !uri.group(4).equals(database)) {
                problems.add(name + ": its user may use " + user.database() + ", its URI names " + uri.group(4) + ", its database is " + database);
            }
            if (!uri.group(2).equals(mongodb.get(user.passwordVariable()))) {
                problems.add(name + ": the URI's password is not the one the mongodb service creates its user with ("
                        + user.passwordVariable() + ")");
            }
            if (!("${" + user.passwordVariable() + "}").equals(Compose.environment(files.service("mongodb").get("environment")).get(user.passwordVariable()))) {
                problems.add(name + ": " + user.passwordVariable() + " is not taken from .env");
            }
            passwords.add(uri.group(2));
            if (!uri.group(5).contains("authSource=admin")) {
                problems.add(name + ": MONGODB_URI lacks authSource=admin (the users are created in admin)");
            }
        }
        if (passwords.size() != files.configs.size()) {
            problems.add("two services share a MongoDB password");
        }
        assertThat(problems).as("the services' MongoDB users").isEmpty();
        assertThat(Files.readString(files.root.resolve(INIT_SCRIPT))).as(INIT_SCRIPT + " grants readWrite on the user's own database, and nothing else")
                .contains("roles: [{ role: 'readWrite', db: database }]")
                .contains("db.getSiblingDB('admin').createUser(");
    }

    private record InitUser(String database, String passwordVariable) {
    }

    private Map<String, InitUser> initUsers() throws IOException {
        Map<String, InitUser> users = new TreeMap<>();
        Matcher user = INIT_USER.matcher(Files.readString(files.root.resolve(INIT_SCRIPT)));
        while (user.find()) {
            users.put(user.group(1), new InitUser(user.group(2), user.group(3)));
        }
        assertThat(users.keySet()).as("users " + INIT_SCRIPT + " creates").containsExactlyInAnyOrderElementsOf(OperationsFiles.SERVICES);
        return users;
    }
}
