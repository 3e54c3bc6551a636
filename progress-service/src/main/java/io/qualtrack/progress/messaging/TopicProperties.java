package io.qualtrack.progress.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param partitions partitions of the activity, dead-letter and progress topics when progress-service
 *                   creates them: the most instances that can share the activity work
 * @param replicas   replication factor of those topics
 */
@ConfigurationProperties("qualtrack.progress.topics")
record TopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicas) {
}
