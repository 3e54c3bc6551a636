package io.qualtrack.content.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How content-service drains stored-but-unpublished content to Kafka.
 *
 * @param interval  pause between two drains
 * @param batchSize most items sent in one drain
 */
@ConfigurationProperties("qualtrack.content.publication")
public record PublicationProperties(@DefaultValue("1s") Duration interval, @DefaultValue("100") int batchSize) {
}
