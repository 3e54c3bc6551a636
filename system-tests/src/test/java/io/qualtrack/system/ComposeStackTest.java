package io.qualtrack.system;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;

import static io.qualtrack.system.Compose.expectCondition;
import static io.qualtrack.system.Compose.healthcheckTest;
import static io.qualtrack.system.OperationsFiles.COMPOSE_VARIABLE;
import static io.qualtrack.system.OperationsFiles.SERVICES;
import static io.qualtrack.system.YamlAccess.map;
import static io.qualtrack.system.YamlAccess.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Docker Compose stack as a whole ({@code docker-compose.yml}, {@code .env}): what operations rely on in every
 * service, the order they start in, the variables and host ports, and the demo profile. Reads the files, starts nothing.
 */
class ComposeStackTest {

    private final OperationsFiles files = OperationsFiles.get();

    @Test
    void everyComposeServiceHasARestartPolicyAMemoryLimitAndAHealthcheckUnlessItIsAOneShotJob() {
        List<String> problems = new ArrayList<>();
        files.composeServices.forEach((name, value) -> {
            Map<String, Object> service = map(value, "service " + name);
            Object restart = service.get("restart");
            if (restart == null) {
                problems.add(name + ": no restart policy");
            }
            if (Compose.memoryLimit(service) == null) {
                problems.add(name + ": no memory limit (deploy.resources.limits.memory or mem_limit)");
            }
            if (!service.containsKey("image") && !service.containsKey("build")) {
                problems.add(name + ": neither image nor build");
            }
            boolean oneShot = "no".equals(String.valueOf(restart)) || "on-failure".equals(String.valueOf(restart));
            if (!oneShot && healthcheckTest(service) == null) {
                problems.add(name + ": a long-running service (restart " + restart + ") without a healthcheck");
            }
            Object image = service.get("image");
            if (image != null && !service.containsKey("build")) {
                String ref = String.valueOf(image);
                if (!COMPOSE_VARIABLE.matcher(ref).find()) {
                    problems.add(name + ": image " + ref + " is pinned in docker-compose.yml, not by a version in .env");
                }
                if (ref.endsWith(":latest") || !ref.contains(":")) {
                    problems.add(name + ": image " + ref + " has no fixed version");
                }
            }
        });
        assertThat(problems).as("compose services without what operations rely on").isEmpty();
    }

    @Test
    void dependenciesNameConditionsThatTheirTargetsCanMeet() {
        List<String> problems = new ArrayList<>();
        files.composeServices.forEach((name, value) -> {
            Object dependsOn = map(value, name).get("depends_on");
            if (dependsOn == null) {
                return;
            }
            if (!(dependsOn instanceof Map<?, ?> dependencies)) {
                problems.add(name + ": depends_on is a list; give every dependency a condition");
                return;
            }
            dependencies.forEach((target, spec) -> {
                Object condition = spec instanceof Map<?, ?> m ? m.get("condition") : null;
                if (!files.composeServices.containsKey(String.valueOf(target))) {
                    problems.add(name + " depends on " + target + ", which is not a service");
                } else if (condition == null || !Compose.DEPENDENCY_CONDITIONS.contains(String.valueOf(condition))) {
                    problems.add(name + " -> " + target + ": condition " + condition + " is not one of " + Compose.DEPENDENCY_CONDITIONS);
                } else {
                    Map<String, Object> targetService = map(files.composeServices.get(String.valueOf(target)), String.valueOf(target));
                    if ("service_healthy".equals(condition) && healthcheckTest(targetService) == null) {
                        problems.add(name + " waits for " + target + " to be healthy, but " + target + " has no healthcheck");
                    }
                    if ("service_completed_successfully".equals(condition) && !"no".equals(String.valueOf(targetService.get("restart")))) {
                        problems.add(name + " waits for " + target + " to complete, but " + target + " restarts ("
                                + targetService.get("restart") + ")");
                    }
                }
            });
        });
        for (String service : SERVICES) {
            Map<String, Object> dependsOn = map(files.service(service).get("depends_on"), service + ": depends_on");
            expectCondition(problems, service, dependsOn, "kafka", "service_healthy");
            expectCondition(problems, service, dependsOn, "mongodb", "service_healthy");
            expectCondition(problems, service, dependsOn, "kafka-topics", "service_completed_successfully");
        }
        assertThat(problems).as("depends_on in docker-compose.yml").isEmpty();
    }

    @Test
    void everyVariableTheComposeFileUsesIsSetInDotEnvAndHostPortsComeFromIt() {
        Set<String> undefined = new TreeSet<>();
        Matcher variables = COMPOSE_VARIABLE.matcher(files.composeText);
        while (variables.find()) {
            boolean hasDefault = variables.group(2) != null && variables.group(2).matches(":?-.*");
            if (!files.env.containsKey(variables.group(1)) && !hasDefault) {
                undefined.add(variables.group(1));
            }
        }
        assertThat(undefined).as("variables docker-compose.yml uses that .env does not set").isEmpty();

        List<String> problems = new ArrayList<>();
        Map<String, String> hostPorts = new TreeMap<>();
        files.composeServices.forEach((name, value) -> {
            for (String mapping : strings(map(value, name).get("ports"))) {
                String host = mapping.substring(0, mapping.lastIndexOf(':'));
                Matcher variable = COMPOSE_VARIABLE.matcher(host);
                if (!variable.matches()) {
                    problems.add(name + ": host port of '" + mapping + "' is not a variable from .env");
                } else {
                    String port = files.env.get(variable.group(1));
                    String previous = hostPorts.put(port, name + " (" + variable.group(1) + ")");
                    if (previous != null) {
                        problems.add("host port " + port + " is given to " + previous + " and " + name);
                    }
                }
            }
        });
        files.env.keySet().stream().filter(key -> key.endsWith("_IMAGE_VERSION") || key.endsWith("_HOST_PORT"))
                .filter(key -> !files.composeText.contains("${" + key + "}"))
                .forEach(key -> problems.add(".env sets " + key + ", which docker-compose.yml does not use"));
        assertThat(problems).as("host ports and versions from .env").isEmpty();
    }

    @Test
    void theDemoProfileLoadsTheComposedServices() {
        Map<String, Object> demo = map(files.composeServices.get("demo-loader"), "service demo-loader");
        assertThat(strings(demo.get("profiles"))).as("demo-loader runs only in the demo profile").containsExactly("demo");
        assertThat(String.valueOf(map(demo.get("build"), "demo-loader: build").get("dockerfile"))).isEqualTo("local-stack/Dockerfile");
        assertThat(files.root.resolve("local-stack/Dockerfile")).exists();
        List<String> arguments = strings(demo.get("command"));
        List<String> expected = SERVICES.stream().map(name -> "http://" + name + ":" + files.configs.get(name).port()).toList();
        assertThat(arguments).as("DemoLoader <content-url> <progress-url> <report-url> <seed>").hasSize(4);
        assertThat(arguments.subList(0, 3)).as("the demo loader's service URLs").isEqualTo(expected);
        Map<String, Object> dependsOn = map(demo.get("depends_on"), "demo-loader: depends_on");
        List<String> problems = new ArrayList<>();
        SERVICES.forEach(service -> expectCondition(problems, "demo-loader", dependsOn, service, "service_healthy"));
        assertThat(problems).isEmpty();
    }
}
