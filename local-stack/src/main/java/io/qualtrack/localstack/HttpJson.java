package io.qualtrack.localstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP with the JDK's client: just what the demo loader needs, with a bearer token once it has one. */
public final class HttpJson {

    /** The {@code Authorization} header for a request, or null for none. */
    @FunctionalInterface
    public interface Authorization {
        String header() throws InterruptedException;
    }

    /** An answer; {@code status} 0 means no answer at all (connection refused, timeout). */
    public record Answer(int status, String body, String failure) {
        public boolean is(int expected) {
            return status == expected;
        }

        public String describe() {
            if (status == 0) {
                return "no answer (" + failure + ")";
            }
            String shortBody = body.length() > 500 ? body.substring(0, 500) + "…" : body;
            return "HTTP " + status + ": " + shortBody;
        }
    }

    private final HttpClient client;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Authorization authorization;

    public HttpJson() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), () -> null);
    }

    private HttpJson(HttpClient client, Authorization authorization) {
        this.client = client;
        this.authorization = authorization;
    }

    /** The same client, every request authorized by {@code authorization}. */
    public HttpJson authorizedBy(Authorization authorization) {
        return new HttpJson(client, authorization);
    }

    public Answer get(String url) throws InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", "application/json"));
    }

    Answer post(String url, Object body) throws InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json"));
    }

    /** A form post with its own {@code Authorization} (a token request). */
    Answer postForm(String url, String form, String authorizationHeader) throws InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", authorizationHeader));
    }

    public JsonNode parse(Answer answer) {
        return json.readTree(answer.body());
    }

    String write(Object value) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    private Answer send(HttpRequest.Builder request) throws InterruptedException {
        String header = authorization.header();
        if (header != null) {
            request.setHeader("Authorization", header);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Answer(0, "", reason);
        }
    }
}
