package io.qualtrack.identity;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Prints who can sign in to the local stack, once it is up, so nobody has to look it up. */
@Component
class DemoSignInsPrinter implements ApplicationRunner {

    private final DemoDirectory directory;

    DemoSignInsPrinter(DemoDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        StringBuilder out = new StringBuilder("\nDemo sign-ins (local stack only):\n");
        out.append("  %-15s %-15s %-16s %-18s %s%n".formatted("user", "password", "role", "centres", "learner"));
        directory.people().forEach(person -> out.append("  %-15s %-15s %-16s %-18s %s%n".formatted(person.username(),
                person.password(), String.join(",", person.roles()), String.join(",", person.centres()),
                person.learnerId() == null ? "" : person.learnerId())));
        out.append("Demo systems (client credentials):\n");
        directory.clients().stream().filter(client -> !client.signsPeopleIn()).forEach(client -> out.append(
                "  %-15s %-22s %-16s %s%n".formatted(client.clientId(), client.secret(), String.join(",", client.roles()),
                        String.join(",", client.centres()))));
        System.out.print(out);
    }
}
