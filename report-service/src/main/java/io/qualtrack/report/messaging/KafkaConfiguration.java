package io.qualtrack.report.messaging;

import io.qualtrack.contract.Topics;
import io.qualtrack.kafka.EndlessRetry;
import io.qualtrack.kafka.TopicDeclarations;
import io.qualtrack.kafka.TopicSettings;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * A batch of snapshots or content that cannot be stored because MongoDB or Kafka is unreachable is retried from the
 * same offsets, without end; a snapshot that fails for a reason of its own never fails a batch (it is dead-lettered).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicSettings.class)
class KafkaConfiguration {

    @Bean
    NewTopic contentTopic(TopicSettings topics) {
        return TopicDeclarations.content(topics);
    }

    @Bean
    NewTopic progressTopic(TopicSettings topics) {
        return TopicDeclarations.progress(topics);
    }

    @Bean
    NewTopic progressDeadLetterTopic(TopicSettings topics) {
        return TopicDeclarations.progressReportDeadLetter(topics);
    }

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryBatchesWithoutEnd() {
        return (container, destination, group) -> {
            if (Topics.PROGRESS.equals(destination) || Topics.CONTENT.equals(destination)) {
                container.setCommonErrorHandler(EndlessRetry.errorHandler());
            }
        };
    }
}
