package io.qualtrack.security;

import org.jspecify.annotations.Nullable;

import java.util.Set;

/**
 * Who is asking, as their token says: the only source of tenancy. A centre or learner id in a path, query or body
 * selects among what the caller may see; it never widens it.
 *
 * @param subject   the token's {@code sub}: a user or a client id
 * @param roles     from the {@code roles} claim (unknown names are ignored)
 * @param centres   from the {@code centres} claim: the centres a member of staff or a centre's system acts for; on a
 *                  learner's token, the centre whose reference its {@code learner_id} is
 * @param learnerId from the {@code learner_id} claim: the learner a learner's token belongs to
 */
public record Caller(String subject, Set<Role> roles, Set<String> centres, @Nullable String learnerId) {

    public Caller {
        roles = Set.copyOf(roles);
        centres = Set.copyOf(centres);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Staff of the centre (or operations, who run the whole system) may read its cohorts and learners. */
    public boolean mayReadCentre(String centreId) {
        return has(Role.OPERATIONS) || has(Role.CENTRE_STAFF) && centres.contains(centreId);
    }

    /**
     * A learner reads only their own enrolments, at the centres their token names (a learner id is the centre's own
     * reference, so another centre may use the same id for someone else); staff read their centres' enrolments.
     */
    public boolean mayReadEnrolment(String centreId, String learnerId) {
        if (has(Role.LEARNER) && learnerId.equals(this.learnerId) && centres.contains(centreId)) {
            return true;
        }
        return mayReadCentre(centreId);
    }

    /** Activity for a centre comes only from that centre's system or staff. */
    public boolean maySubmitFor(String centreId) {
        return (has(Role.ACTIVITY_SUBMITTER) || has(Role.CENTRE_STAFF)) && centres.contains(centreId);
    }
}
