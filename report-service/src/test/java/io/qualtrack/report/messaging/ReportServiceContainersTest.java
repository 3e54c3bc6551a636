package io.qualtrack.report.messaging;

import io.qualtrack.contract.Topics;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.contract.progress.ProgressEvent;
import io.qualtrack.report.cohort.Snapshots;
import io.qualtrack.testsupport.ContainersConfiguration;
import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestTokens;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.EVIDENCE_SUBMITTED;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.MET;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.NOT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A progress snapshot published to Kafka shows in the cohort summary, on real Kafka and MongoDB. Skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
@AutoConfigureMockMvc
@Import(ContainersConfiguration.class)
class ReportServiceContainersTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    KafkaContainer broker;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.trustTestIssuer(registry);
    }

    @Test
    void aPublishedProgressChangeShowsInTheCohortSummary() {
        EnrolmentProgressChanged change = Snapshots.changed(
                Snapshots.progress("TC-BEA", "C-TC", "K-TC", Instant.now(), MET, EVIDENCE_SUBMITTED, NOT_STARTED, NOT_STARTED), 1);
        var kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                Map.<String, Object>of("bootstrap.servers", broker.getBootstrapServers()), new StringSerializer(), new ByteArraySerializer()));
        kafka.send(new ProducerRecord<>(Topics.PROGRESS, change.key(),
                JsonMapper.builder().build().writerFor(ProgressEvent.class).writeValueAsBytes(change))).join();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mvc.get().uri("/api/centres/C-TC/cohorts/K-TC")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestCaller.staff("C-TC"))))
                .hasStatusOk().bodyJson()
                .hasPathSatisfying("$.learners", n -> n.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.criteria[0].met", n -> n.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.criteria[1].awaitingAssessment", n -> n.assertThat().isEqualTo(1)));
    }
}
