package io.qualtrack.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Optional;

/**
 * Who may sign in to the local stack: people (with a password, for the pages) and systems (client credentials).
 * Their {@code roles}, {@code centres} and {@code learnerId} become the token claims every service reads.
 *
 * @param audience the {@code aud} of every access token: what the services accept
 */
@ConfigurationProperties("qualtrack.identity")
public record DemoDirectory(String audience, List<Person> people, List<Client> clients) {

    public DemoDirectory {
        people = List.copyOf(people);
        clients = List.copyOf(clients);
    }

    public Optional<Person> person(String username) {
        return people.stream().filter(person -> person.username().equals(username)).findFirst();
    }

    public Optional<Client> client(String clientId) {
        return clients.stream().filter(client -> client.clientId().equals(clientId)).findFirst();
    }

    public record Person(String username, String password, String name, List<String> roles, List<String> centres,
                         @Nullable String learnerId) {
        public Person {
            roles = List.copyOf(roles);
            centres = centres == null ? List.of() : List.copyOf(centres);
        }
    }

    /**
     * A system: {@code redirectUris} given = a web application signing people in (authorization code), none = a
     * machine acting for itself (client credentials) with its own roles and centres. {@code postLogoutRedirectUris}:
     * where a web application may send people back to after signing them out here (RP-initiated logout).
     */
    public record Client(String clientId, String secret, List<String> redirectUris, List<String> postLogoutRedirectUris,
                         List<String> roles, List<String> centres) {
        public Client {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
            roles = roles == null ? List.of() : List.copyOf(roles);
            centres = centres == null ? List.of() : List.copyOf(centres);
        }

        public boolean signsPeopleIn() {
            return !redirectUris.isEmpty();
        }
    }
}
