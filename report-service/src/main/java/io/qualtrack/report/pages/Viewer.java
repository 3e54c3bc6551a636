package io.qualtrack.report.pages;

import io.qualtrack.security.Caller;
import io.qualtrack.security.Role;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Who is signed in, as the masthead shows them and adapts to them.
 *
 * @param name        their name from the ID token (or their user name)
 * @param description what they are here: their role and centres, or the learner they are
 * @param seesCentres staff and operations: the centres link and the learner look-up
 * @param ownPage     a learner's own page, for the "My progress" link
 */
public record Viewer(String name, String description, boolean seesCentres, @Nullable String ownPage) {

    static Viewer of(String name, Caller caller) {
        List<String> what = new ArrayList<>();
        if (caller.has(Role.OPERATIONS)) {
            what.add("Operations");
        }
        if (caller.has(Role.CENTRE_STAFF)) {
            what.add("Staff of " + String.join(", ", new TreeSet<>(caller.centres())));
        }
        if (caller.has(Role.CONTENT_AUTHOR)) {
            what.add("Content author");
        }
        String learnerId = caller.has(Role.LEARNER) ? caller.learnerId() : null;
        if (learnerId != null) {
            // the id is their centre's reference for them
            what.add("Learner " + learnerId + (caller.centres().isEmpty() ? "" : " at " + String.join(", ", new TreeSet<>(caller.centres()))));
        }
        boolean seesCentres = caller.has(Role.OPERATIONS) || caller.has(Role.CENTRE_STAFF);
        return new Viewer(name, what.isEmpty() ? "No role in QualTrack" : String.join(" · ", what), seesCentres,
                learnerId == null ? null : "/learners/" + learnerId);
    }
}
