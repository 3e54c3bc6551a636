package io.qualtrack.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What a service reads of a request.
 *
 * @param maxRequestSize the largest request body it reads (larger ones are answered 413); the default is in
 *                       {@code qualtrack-service-defaults.yml}
 */
@ConfigurationProperties("qualtrack.http")
public record HttpLimits(DataSize maxRequestSize) {
}
