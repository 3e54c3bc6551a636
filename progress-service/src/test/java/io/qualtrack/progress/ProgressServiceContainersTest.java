package io.qualtrack.progress;

import io.qualtrack.contract.Topics;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.progress.ProgressEvent;
import io.qualtrack.progress.catalogue.TestCatalogue;
import io.qualtrack.progress.tracking.Activities;
import io.qualtrack.progress.tracking.SmallCatalogue;
import io.qualtrack.testsupport.ContainersConfiguration;
import io.qualtrack.testsupport.TestTokens;
import io.qualtrack.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An enrolment posted over HTTP, on real Kafka and MongoDB: stored and its progress published. Skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
@AutoConfigureMockMvc
@Import({ContainersConfiguration.class, ProgressServiceIntegrationTest.AsCentreStaff.class})
class ProgressServiceContainersTest {

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.trustTestIssuer(registry);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    KafkaContainer broker;

    @Test
    void anEnrolmentPostedToTheApiIsStoredAndItsProgressPublished() {
        TestCatalogue.publish(kafka);
        var ann = new Activities("TC-ANN", "C-1", SmallCatalogue.QUALIFICATION);
        String enrolled = JSON.writerFor(LearnerActivityEvent.class).writeValueAsString(ann.enrolled(0));

        assertThat(mvc.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON).content(enrolled)).hasStatus(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mvc.get().uri("/api/learners/TC-ANN/progress"))
                .hasStatusOk().bodyJson().extractingPath("$.enrolments[0].progress.qualificationCode")
                .isEqualTo(SmallCatalogue.QUALIFICATION));
        var published = TopicReader.readFromBeginning(broker.getBootstrapServers(), Topics.PROGRESS, Duration.ofSeconds(60),
                read -> read.stream().anyMatch(r -> r.key().equals("TC-ANN")));
        assertThat(published).filteredOn(r -> r.key().equals("TC-ANN"))
                .extracting(r -> (EnrolmentProgressChanged) JSON.readValue(r.value(), ProgressEvent.class))
                .anySatisfy(change -> assertThat(change.progress().cohortId()).isEqualTo("COHORT-A"));
    }
}
