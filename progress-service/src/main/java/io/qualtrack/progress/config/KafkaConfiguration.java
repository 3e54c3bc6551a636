package io.qualtrack.progress.config;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.qualtrack.contract.Topics;
import io.qualtrack.observability.RecordTraces;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.qualtrack.kafka.EndlessRetry;
import io.qualtrack.kafka.TopicDeclarations;
import io.qualtrack.kafka.TopicSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;


/**
 * The topics progress-service owns, and what happens when a batch cannot be processed: bad input
 * never fails a batch (it is dead-lettered or skipped), so a failure means MongoDB or Kafka is
 * unreachable; the batch (activity or content) is then retried, without end, from the same offsets,
 * and nothing is skipped.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicSettings.class)
class KafkaConfiguration {

    @Bean
    NewTopic contentTopic(TopicSettings topics) {
        return TopicDeclarations.content(topics);
    }

    @Bean
    NewTopic activityTopic(TopicSettings topics) {
        return TopicDeclarations.activity(topics);
    }

    @Bean
    NewTopic deadLetterTopic(TopicSettings topics) {
        return TopicDeclarations.activityDeadLetter(topics);
    }

    @Bean
    NewTopic progressTopic(TopicSettings topics) {
        return TopicDeclarations.progress(topics);
    }

    @Bean
    RecordTraces recordTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new RecordTraces(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryBatchesWithoutEnd() {
        return (container, destination, group) -> {
            if (Topics.ACTIVITY.equals(destination) || Topics.CONTENT.equals(destination)) {
                container.setCommonErrorHandler(EndlessRetry.errorHandler());
            }
        };
    }
}
