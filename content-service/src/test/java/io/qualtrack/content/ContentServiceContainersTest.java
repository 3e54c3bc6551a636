package io.qualtrack.content;

import io.qualtrack.contract.Topics;
import io.qualtrack.testsupport.ContainersConfiguration;
import io.qualtrack.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The same catalogue flow on real Kafka and MongoDB; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
@AutoConfigureMockMvc
@Import(ContainersConfiguration.class)
class ContentServiceContainersTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    KafkaContainer kafka;

    @Test
    void seedsTheCatalogueIntoMongoDbAndPublishesItToKafka() {
        assertThat(mvc.get().uri("/api/units")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.length()", n -> n.assertThat().isEqualTo(5));

        var records = TopicReader.readFromBeginning(kafka.getBootstrapServers(), Topics.CONTENT,
                Duration.ofSeconds(60), read -> read.size() >= 10);
        assertThat(records).extracting(r -> r.key()).contains("unit/SELM7-01@1", "qualification/SELM7-CERT");
    }
}
