package io.qualtrack.system;

import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestTokens;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The public HTTP APIs, called as any client would: with a bearer token for a caller, or with whatever header a test sends. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private Http() {
    }

    static Response get(int port, String path, TestCaller caller) {
        return get(port, path, TestTokens.bearer(caller));
    }

    /** With this {@code Authorization} header, or none if null. */
    static Response get(int port, String path, @Nullable String authorization) {
        return send(authorized(HttpRequest.newBuilder(uri(port, path)).GET(), authorization));
    }

    static Response post(int port, String path, String json, TestCaller caller) {
        return post(port, path, json, TestTokens.bearer(caller));
    }

    static Response post(int port, String path, String json, @Nullable String authorization) {
        return request("POST", port, path, "application/json", json, authorization);
    }

    /** Any method; {@code body} (with its content type), and {@code authorization} only where not null. */
    static Response request(String method, int port, String path, @Nullable String contentType, @Nullable String body,
                            @Nullable String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(authorized(request, authorization));
    }

    private static HttpRequest authorized(HttpRequest.Builder request, @Nullable String authorization) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
