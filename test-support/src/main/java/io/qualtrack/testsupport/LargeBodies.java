package io.qualtrack.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Posts a body to a running service as a client would: with its Content-Length, or chunked (length unknown). */
public final class LargeBodies {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LargeBodies() {
    }

    public record Answer(int status, String contentType, String body) {
    }

    public static Answer withContentLength(int port, String path, String contentType, String body, TestCaller caller) {
        return post(port, path, contentType, HttpRequest.BodyPublishers.ofString(body), caller);
    }

    public static Answer chunked(int port, String path, String contentType, String body, TestCaller caller) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(port, path, contentType, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)), caller);
    }

    /** A JSON object with one string field of {@code bytes} characters: valid JSON, of no use to any endpoint. */
    public static String paddedJson(int bytes) {
        return "{\"pad\":\"" + "x".repeat(bytes) + "\"}";
    }

    private static Answer post(int port, String path, String contentType, HttpRequest.BodyPublisher body, TestCaller caller) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).header("Authorization", TestTokens.bearer(caller)).POST(body).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
