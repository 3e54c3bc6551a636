package io.qualtrack.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The limit in front of a servlet that reads whatever it is sent, on a real server, as clients send bodies. */
class RequestBodyLimitTest {

    private static final int LIMIT = 64 * 1024;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static WebServer server;

    @BeforeAll
    static void start() {
        var tomcat = new TomcatServletWebServerFactory(0);
        // as the services' shared defaults set it (server.tomcat.max-http-form-post-size)
        tomcat.addConnectorCustomizers(connector -> connector.setMaxPostSize(LIMIT));
        server = tomcat.getWebServer(context -> {
            context.addFilter("limit", new RequestBodyLimit(LIMIT))
                    .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
            context.addServlet("reads-everything", new HttpServlet() {
                @Override
                protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    response.getWriter().write("read " + request.getInputStream().readAllBytes().length + " bytes");
                }
            }).addMapping("/*");
            context.addServlet("reads-a-form", new HttpServlet() {
                @Override
                protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    response.getWriter().write("read " + request.getParameter("pad").length() + " characters");
                }
            }).addMapping("/form");
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return post("/anything", body);
    }

    private static HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.BodyPublisher chunked(int bytes) {
        // a stream of unknown length goes out chunked, without a Content-Length
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[bytes]));
    }

    @Test
    void aBodyUpToTheLimitIsReadWhetherItsLengthIsDeclaredOrNot() throws Exception {
        assertThat(post(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT])).body()).isEqualTo("read " + LIMIT + " bytes");
        assertThat(post(chunked(LIMIT)).body()).isEqualTo("read " + LIMIT + " bytes");
    }

    @Test
    void aBodyWhoseContentLengthIsOverTheLimitIsRefusedWithProblemDetails() throws Exception {
        assertTooLarge(post(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1])));
    }

    @Test
    void aChunkedBodyIsRefusedWhenItGrowsPastTheLimitWhileBeingRead() throws Exception {
        assertTooLarge(post(chunked(LIMIT + 1)));
    }

    @Test
    void aChunkedFormPostThatTomcatReadsItselfIsRefusedTheSameWay() throws Exception {
        assertThat(post("/form", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("pad=abc".getBytes())))
                .body()).isEqualTo("read 3 characters");
        byte[] tooLarge = ("pad=" + "x".repeat(LIMIT)).getBytes();
        assertTooLarge(post("/form", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))));
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("title").asString()).isEqualTo("Request body too large");
        assertThat(problem.get("detail").asString()).contains("at most " + LIMIT + " bytes");
    }
}
