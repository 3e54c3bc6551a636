package io.qualtrack.content;

import io.qualtrack.testsupport.LargeBodies;
import io.qualtrack.testsupport.TestCaller;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Over HTTP, as an author's client sends them: a body over the 1 MB limit is refused before it is read whole. */
class RequestSizeTest extends ContentServiceIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aBodyOverTheLimitIsRefusedAs413WhetherItsLengthIsDeclaredOrNot() {
        String tooLarge = LargeBodies.paddedJson(1024 * 1024);
        for (LargeBodies.Answer answer : new LargeBodies.Answer[]{
                LargeBodies.withContentLength(port, "/api/units/ZZ/versions", "application/json", tooLarge, TestCaller.author()),
                LargeBodies.chunked(port, "/api/units/ZZ/versions", "application/json", tooLarge, TestCaller.author()),
                LargeBodies.chunked(port, "/api/unit-pages?code=ZZ", "text/plain", tooLarge, TestCaller.author())}) {
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).contains("\"title\":\"Request body too large\"", "at most 1048576 bytes");
        }
    }
}
