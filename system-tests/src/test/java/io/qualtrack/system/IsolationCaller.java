package io.qualtrack.system;

import io.qualtrack.testsupport.TestCaller;
import io.qualtrack.testsupport.TestIssuer;
import org.jspecify.annotations.Nullable;

import java.util.Set;
import java.util.function.Function;

import static io.qualtrack.system.IsolationSeed.NORTH;
import static io.qualtrack.system.IsolationSeed.SOUTH;

/**
 * Everyone the isolation suite calls the APIs as: every role at either centre, and every way of not being signed in
 * properly. {@code sees} are the seeded centres whose data the caller may get back.
 */
enum IsolationCaller {
    NORTH_STAFF("N-staff", TestCaller.staff(NORTH.centreId()), Set.of(NORTH)),
    SOUTH_STAFF("S-staff", TestCaller.staff(SOUTH.centreId()), Set.of(SOUTH)),
    NORTH_LEARNER("N-learner", TestCaller.learner(NORTH.centreId(), NORTH.canary()), Set.of(NORTH)),
    SOUTH_LEARNER("S-learner", TestCaller.learner(SOUTH.centreId(), SOUTH.canary()), Set.of(SOUTH)),
    NORTH_SYSTEM("N-system", TestCaller.submitter(NORTH.centreId()), Set.of()),
    AUTHOR("author", TestCaller.author(), Set.of()),
    OPERATIONS("ops", TestCaller.operations(), Set.of(NORTH, SOUTH)),
    METRICS_READER("metrics", TestCaller.metricsReader(), Set.of()),
    NOBODY("no-role", TestCaller.nobody(), Set.of()),
    NO_TOKEN("no-token", null, Set.of()),
    EXPIRED("expired", issuer -> issuer.expiredToken(ops().subject(), ops().claims())),
    TAMPERED("tampered", issuer -> issuer.tamperedToken(staffOfBoth().subject(), staffOfBoth().claims())),
    WRONG_ISSUER("other-iss", issuer -> issuer.tokenOfAnotherIssuer(ops().subject(), ops().claims())),
    WRONG_AUDIENCE("other-aud", issuer -> issuer.tokenForAnotherAudience(ops().subject(), ops().claims()));

    final String column;
    private final @Nullable TestCaller caller;
    private final @Nullable Function<TestIssuer, String> badToken;
    final Set<IsolationSeed> sees;

    IsolationCaller(String column, @Nullable TestCaller caller, Set<IsolationSeed> sees) {
        this.column = column;
        this.caller = caller;
        this.badToken = null;
        this.sees = sees;
    }

    /** A token that must not get in, though its claims would open everything. */
    IsolationCaller(String column, Function<TestIssuer, String> badToken) {
        this.column = column;
        this.caller = null;
        this.badToken = badToken;
        this.sees = Set.of();
    }

    private static TestCaller ops() {
        return TestCaller.operations();
    }

    private static TestCaller staffOfBoth() {
        return TestCaller.staff(NORTH.centreId(), SOUTH.centreId());
    }

    /**
     * Someone who signs in to the pages in a browser (a person with a valid sign-in, whatever their roles); a centre's
     * system, Prometheus and every bad token only have a bearer token, which the pages do not take.
     */
    @Nullable TestCaller person() {
        return this == NORTH_SYSTEM || this == METRICS_READER ? null : caller;
    }

    /** Signed in with a valid token (whatever its roles). */
    boolean signedIn() {
        return caller != null;
    }

    /** The {@code Authorization} header, or null for none. */
    @Nullable String authorization() {
        if (badToken != null) {
            return "Bearer " + badToken.apply(TestIssuer.shared());
        }
        return caller == null ? null : "Bearer " + TestIssuer.shared().token(caller);
    }
}
