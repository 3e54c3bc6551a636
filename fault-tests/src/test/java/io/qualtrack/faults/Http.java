package io.qualtrack.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Plain HTTP against the running services, as the suite's one caller: it checks every centre's read models and
 * dead letters (operations) and authors a unit (content author), with a token of the JVM's {@link TestIssuer},
 * which the services trust.
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final TestCaller SUITE = new TestCaller("fault-suite", Map.of("roles", List.of("operations", "content-author")));

    private Http() {
    }

    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", TestTokens.bearer(SUITE)).GET().build());
    }

    static HttpResponse<String> postJson(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", TestTokens.bearer(SUITE))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Whether the service answers its readiness probe with UP (false while it is starting or unreachable). */
    static boolean isReady(String baseUrl) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
