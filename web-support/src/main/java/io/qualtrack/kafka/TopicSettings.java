package io.qualtrack.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the keyed topics are created, the same in every service that may create them first.
 *
 * @param partitions partitions of the activity, dead-letter and progress topics: the most instances
 *                   of a consuming service that can share the work
 * @param replicas   replication factor of every topic
 */
@ConfigurationProperties("qualtrack.topics")
public record TopicSettings(@DefaultValue("6") int partitions, @DefaultValue("1") short replicas) {
}
