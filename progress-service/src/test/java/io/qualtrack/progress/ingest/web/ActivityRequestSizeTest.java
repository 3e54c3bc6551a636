package io.qualtrack.progress.ingest.web;

import io.qualtrack.progress.ProgressServiceIntegrationTest;
import io.qualtrack.testsupport.LargeBodies;
import io.qualtrack.testsupport.TestCaller;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Over HTTP, as a centre's system sends them: a full batch of activity is read, a 10 MB body is not. */
class ActivityRequestSizeTest extends ProgressServiceIntegrationTest {

    private static final TestCaller SYSTEM = TestCaller.submitter(CENTRE);
    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    @Test
    void a10MegabyteBodyIsRefusedAs413BeforeItIsReadWhetherItsLengthIsDeclaredOrNot() {
        String tenMegabytes = LargeBodies.paddedJson(10 * 1024 * 1024);
        for (LargeBodies.Answer answer : new LargeBodies.Answer[]{
                LargeBodies.withContentLength(port, "/api/activities", JSON, tenMegabytes, SYSTEM),
                LargeBodies.chunked(port, "/api/activities", JSON, tenMegabytes, SYSTEM)}) {
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).contains("\"title\":\"Request body too large\"", "at most 2097152 bytes");
        }
    }

    @Test
    void aThousandActivitiesWithEveryIdAtItsLongestAreStillReadWhole() {
        // over the shared 1 MB default: each item is read and judged (here: all lack a type), none refused for size
        String id = "X".repeat(128);
        String item = "{\"eventId\":\"4572507e-29f9-5e78-9de0-a1ac5b7cafab\",\"occurredAt\":\"2026-11-02T09:00:00Z\",\"schemaVersion\":1,\"learnerId\":\"" + id + "\",\"centreId\":\"" + CENTRE + "\",\"qualificationCode\":\"" + id
                + "\",\"unitCode\":\"" + id + "\",\"unitVersion\":1,\"evidenceRef\":\"" + id + "\",\"assessorId\":\"" + id
                + "\",\"criterionCodes\":[" + IntStream.range(0, 30).mapToObj(i -> "\"" + (i / 5 + 1) + "." + (i % 5 + 1) + "\"")
                .collect(Collectors.joining(",")) + "]}";
        String batch = IntStream.range(0, 1000).mapToObj(i -> item).collect(Collectors.joining(",\n  ", "[\n  ", "\n]"));
        assertThat(batch.length()).isGreaterThan(1024 * 1024);

        LargeBodies.Answer answer = LargeBodies.chunked(port, "/api/activities", JSON, batch, SYSTEM);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("1000 of 1000 activities are invalid");
    }
}
