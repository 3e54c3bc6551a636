package io.qualtrack.report.messaging;

import io.qualtrack.contract.Topics;
import io.qualtrack.kafka.DeadLetterHeaders;
import io.qualtrack.report.ReportServiceIntegrationTest;
import io.qualtrack.report.TestEvents;
import io.qualtrack.report.cohort.Snapshots;
import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestTokens;
import io.qualtrack.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.MET;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.NOT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** No progress record, whoever produced it, stops the read models of the learners behind it on its partition. */
class PoisonSnapshotsTest extends ReportServiceIntegrationTest {

    /** Not the other tests' centre: their counts stay theirs. */
    private static final String CENTRE_OF_POISON = "C-POISON";
    private static final Instant RECENTLY = Snapshots.START.plusDays(148).atStartOfDay().toInstant(ZoneOffset.UTC);

    @Autowired
    MockMvcTester mvc;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void poisonRecordsAreDeadLetteredWithTheirReasonAndTheLearnerBehindThemArrives() {
        TestEvents events = new TestEvents(brokers);
        events.publishRaw(0, "POISON-1", "not a progress event".getBytes(StandardCharsets.UTF_8));
        events.publishRaw(0, "POISON-2", TestEvents.asJson(Snapshots.changed(
                Snapshots.progress("POISON-\u0000x", CENTRE_OF_POISON, "P-1", RECENTLY, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED), 1)));
        events.publishRaw(0, "POISON-3", TestEvents.asJson(Snapshots.changed(Snapshots.progress("POISON-FAR", CENTRE_OF_POISON, "P-1",
                Instant.parse("+1000000000-12-31T23:59:59Z"), MET, NOT_STARTED, NOT_STARTED, NOT_STARTED), 1)));
        events.publishRaw(0, "POISON-NEIGHBOUR", TestEvents.asJson(Snapshots.changed(
                Snapshots.progress("POISON-NEIGHBOUR", CENTRE_OF_POISON, "P-1", RECENTLY, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED), 1)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mvc.get().uri("/api/centres/C-POISON/cohorts/P-1/learners")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestCaller.staff(CENTRE_OF_POISON))))
                .hasStatusOk().bodyJson().hasPathSatisfying("$.items[*].learnerId",
                        ids -> ids.assertThat().asList().containsExactly("POISON-NEIGHBOUR")));

        List<ConsumerRecord<String, String>> deadLetters = new ArrayList<>(TopicReader.readFromBeginning(brokers, Topics.PROGRESS_REPORT_DEAD_LETTER,
                Duration.ofSeconds(30), read -> read.size() >= 3));
        // the dead-letter topic is keyed by learner over several partitions: no order across them
        deadLetters.sort(Comparator.comparing(letter -> String.valueOf(letter.key())));
        assertThat(deadLetters).extracting(ConsumerRecord::key).containsExactly("POISON-\u0000x", "POISON-FAR", null);
        assertThat(deadLetters).allSatisfy(letter -> {
            assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("MALFORMED");
            assertThat(header(letter, DeadLetterHeaders.ORIGIN)).startsWith(Topics.PROGRESS + "-0@");
        });
        assertThat(header(deadLetters.get(2), DeadLetterHeaders.DETAIL)).startsWith("unreadable");
        assertThat(header(deadLetters.get(0), DeadLetterHeaders.DETAIL)).contains("learnerId must not contain the control character U+0000");
        assertThat(header(deadLetters.get(1), DeadLetterHeaders.DETAIL)).contains("must be from 2000-01-01 to 2099-12-31");
        assertThat(deadLetters.get(2).value()).as("kept as received").isEqualTo("not a progress event");
        assertThat(deadLetters.get(0).value()).contains("\"learnerId\":\"POISON-\\u0000x\"");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
