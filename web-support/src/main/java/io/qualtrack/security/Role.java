package io.qualtrack.security;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.Locale;

/** What a caller may do, as the identity provider names it in the token's {@code roles} claim. */
public enum Role {
    /** Reads their own progress only. */
    LEARNER("learner"),
    /** Reads the learners and cohorts of their centre or centres. */
    CENTRE_STAFF("centre-staff"),
    /** A centre's system (client credentials) that submits activity for its centre or centres. */
    ACTIVITY_SUBMITTER("activity-submitter"),
    /** Edits and publishes the catalogue. */
    CONTENT_AUTHOR("content-author"),
    /** Metrics, dead letters and the other operations endpoints. */
    OPERATIONS("operations"),
    /**
     * A metrics scraper (Prometheus, client credentials): {@code GET /actuator/prometheus} and nothing else, so its
     * credentials, which sit in a scrape configuration, cannot re-drive dead letters or read anyone's data.
     */
    METRICS_READER("metrics-reader");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    /** The Spring Security authority this role grants. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static @Nullable Role ofClaim(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.claim.equals(wanted)).findFirst().orElse(null);
    }
}
