package io.qualtrack.identity.tokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How long access tokens live and who may look inside other clients' tokens.
 *
 * @param accessTokenLifetime how long an access token is accepted. The services check its signature and expiry only,
 *                            so a revoked token keeps working until it expires: this is the longest it can
 * @param resourceServers     client ids that may introspect any client's token; any other client learns only about
 *                            its own tokens. None of the services introspects today, so the list is empty
 */
@ConfigurationProperties("qualtrack.identity.tokens")
public record TokenPolicy(@DefaultValue("5m") Duration accessTokenLifetime, @DefaultValue List<String> resourceServers) {

    public TokenPolicy {
        if (!accessTokenLifetime.isPositive()) {
            throw new IllegalArgumentException("access-token-lifetime must be positive (got " + accessTokenLifetime + ")");
        }
        resourceServers = List.copyOf(resourceServers);
    }
}
