package io.qualtrack.content.publication;

import io.qualtrack.content.ContentServiceIntegrationTest;
import io.qualtrack.contract.Topics;
import io.qualtrack.contract.content.ContentEvent;
import io.qualtrack.contract.content.QualificationPublished;
import io.qualtrack.contract.content.UnitVersionPublished;
import io.qualtrack.testsupport.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ContentTopicTest extends ContentServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void aConsumerReadingFromTheBeginningSeesEveryUnitAndQualification() {
        List<ConsumerRecord<String, String>> records = TopicReader.readFromBeginning(brokers, Topics.CONTENT,
                Duration.ofSeconds(30), read -> read.size() >= 10);

        Map<String, ContentEvent> byKey = records.stream().collect(Collectors.toMap(ConsumerRecord::key,
                r -> JSON.readValue(r.value(), ContentEvent.class), (first, again) -> again));
        assertThat(byKey.keySet()).contains("unit/SELM7-01@1", "unit/SELM7-02@1", "unit/SELM7-03@1", "unit/SELM7-04@1",
                "unit/SELM7-05@1", "qualification/SELM7-DIP-HP", "qualification/SELM7-DIP-SM",
                "qualification/SELM7-EXT-DIP", "qualification/SELM7-CERT", "qualification/LQTLA7-CERT");
        var units = byKey.values().stream().filter(UnitVersionPublished.class::isInstance)
                .map(UnitVersionPublished.class::cast).map(UnitVersionPublished::unit).toList();
        assertThat(units).hasSize(5);
        assertThat(units.stream().mapToInt(u -> u.learningOutcomes().size()).sum()).isEqualTo(17);
        assertThat(units).allSatisfy(u -> assertThat(u.learningOutcomes())
                .allSatisfy(lo -> assertThat(lo.criteria()).isNotEmpty()));
        var qualification = (QualificationPublished) byKey.get("qualification/SELM7-CERT");
        assertThat(qualification.qualification().unitCodes()).containsExactly("SELM7-04");
        assertThat(records).allSatisfy(r -> assertThat(r.value()).contains("\"occurredAt\":\"20"));
    }

    @Test
    void theContentTopicIsCompactedSoTheLatestVersionOfEveryKeyStays() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            var topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CONTENT);

            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(admin.describeConfigs(List.of(topic)).all().get(5, TimeUnit.SECONDS).get(topic)
                            .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact"));
        }
    }
}
