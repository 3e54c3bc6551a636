package io.qualtrack.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What an orchestrator asks of a running service: liveness, readiness and its metrics endpoint. */
public final class ServiceProbes {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServiceProbes() {
    }

    public record Probe(int status, String body) {
    }

    /**
     * Live, ready, and exporting Prometheus metrics tagged with the application's name; readiness checks MongoDB and
     * Kafka, liveness checks neither (a dependency outage must not get a service restarted). The probes answer anyone
     * with their status only; which components answered, and how, only operations see.
     */
    public static void assertUpAndTagged(int port, String application) {
        for (String probe : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            Probe answer = get(port, probe);
            if (answer.status() != 200 || !answer.body().contains("\"status\":\"UP\"")) {
                throw new AssertionError(probe + " answered " + answer.status() + ": " + answer.body());
            }
            if (answer.body().contains("components") || answer.body().contains("details")) {
                throw new AssertionError(probe + " shows its components to a caller without a token: " + answer.body());
            }
        }
        String readiness = asOperations(port, "/actuator/health/readiness").body();
        String liveness = asOperations(port, "/actuator/health/liveness").body();
        for (String dependency : new String[]{"\"mongo\"", "\"kafka\""}) {
            if (!readiness.contains(dependency)) {
                throw new AssertionError("readiness does not check " + dependency + ": " + readiness);
            }
            if (liveness.contains(dependency)) {
                throw new AssertionError("liveness checks " + dependency + ": " + liveness);
            }
        }
        Probe metrics = get(port, "/actuator/prometheus");
        if (metrics.status() != 200 || !metrics.body().contains("application=\"" + application + "\"")) {
            throw new AssertionError("/actuator/prometheus answered " + metrics.status() + " without application=\"" + application + "\"");
        }
    }

    /** GET as operations would: health probes without a token, the rest of the actuator with an operations token. */
    public static Probe get(int port, String path) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (!path.startsWith("/actuator/health")) {
            request.header("Authorization", TestTokens.bearer(TestCaller.operations()));
        }
        return send(request.build(), path);
    }

    /** GET with an operations token, health probes included. */
    public static Probe asOperations(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestTokens.bearer(TestCaller.operations())).GET().build(), path);
    }

    private static Probe send(HttpRequest request, String path) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Probe(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
