package io.qualtrack.content.publication;

import io.qualtrack.kafka.TopicDeclarations;
import io.qualtrack.kafka.TopicSettings;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The content topic, created compacted at start-up (and again by its consumers, whoever comes first). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicSettings.class)
class ContentTopicDeclaration {

    @Bean
    NewTopic contentTopic(TopicSettings topics) {
        return TopicDeclarations.content(topics);
    }
}
