package io.qualtrack.identity;

import io.qualtrack.identity.tokens.TokenPolicy;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The local stack's OpenID Connect provider: Spring Authorization Server with the demo's users and clients
 * ({@code identity-server.yml}). Only for running the system on one machine; a deployment signs in with its own
 * provider (the compose stack runs Keycloak with the same users, roles and clients).
 */
@SpringBootApplication
@EnableConfigurationProperties({DemoDirectory.class, TokenPolicy.class})
public class IdentityServerApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(IdentityServerApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "identity-server"));
        application.run(args);
    }
}
