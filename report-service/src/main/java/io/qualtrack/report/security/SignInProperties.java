package io.qualtrack.report.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the pages sign people in: an OpenID Connect provider and this service's client there.
 *
 * @param issuerUri    the provider (the same issuer the APIs' bearer tokens come from)
 * @param clientId     the pages' client at the provider
 * @param clientSecret its secret (the default in report-service.yml is the local stack's demo value)
 */
@ConfigurationProperties("qualtrack.report.sign-in")
record SignInProperties(String issuerUri, String clientId, String clientSecret) {
}
