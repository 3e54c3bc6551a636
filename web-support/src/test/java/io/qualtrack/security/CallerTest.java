package io.qualtrack.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

    private static Caller caller(Map<String, Object> claims) {
        return CallerClaims.from("someone", claims);
    }

    @Test
    void readsRolesCentresAndLearnerFromEitherIssuersClaims() {
        Caller staff = caller(Map.of("roles", List.of("centre-staff", "no-such-role"), "centres", List.of("C-NORTH")));
        assertThat(staff.roles()).containsExactly(Role.CENTRE_STAFF);
        assertThat(staff.centres()).containsExactly("C-NORTH");

        Caller keycloak = caller(Map.of("realm_access", Map.of("roles", List.of("operations", "default-roles-qualtrack")),
                "centres", "C-NORTH C-SOUTH"));
        assertThat(keycloak.roles()).containsExactly(Role.OPERATIONS);
        assertThat(keycloak.centres()).containsExactlyInAnyOrder("C-NORTH", "C-SOUTH");

        assertThat(caller(Map.of("roles", List.of("learner"), "learner_id", "L-1")).learnerId()).isEqualTo("L-1");
        assertThat(caller(Map.of()).roles()).isEmpty();
    }

    @Test
    void staffReadOnlyTheirCentresAndTheirLearners() {
        Caller staff = caller(Map.of("roles", List.of("centre-staff"), "centres", List.of("C-NORTH")));
        assertThat(staff.mayReadCentre("C-NORTH")).isTrue();
        assertThat(staff.mayReadCentre("C-SOUTH")).isFalse();
        assertThat(staff.mayReadEnrolment("C-NORTH", "L-1")).isTrue();
        assertThat(staff.mayReadEnrolment("C-SOUTH", "L-2")).isFalse();
    }

    @Test
    void aLearnerReadsOnlyThemselvesAtTheirCentreAndNoCentre() {
        Caller learner = caller(Map.of("roles", List.of("learner"), "learner_id", "L-1", "centres", List.of("C-NORTH")));
        assertThat(learner.mayReadEnrolment("C-NORTH", "L-1")).isTrue();
        assertThat(learner.mayReadEnrolment("C-NORTH", "L-2")).isFalse();
        assertThat(learner.mayReadEnrolment("C-SOUTH", "L-1")).as("another centre's learner with the same id").isFalse();
        assertThat(learner.mayReadCentre("C-NORTH")).as("a centres claim on a learner's token grants nothing").isFalse();
    }

    @Test
    void onlyACentresSystemOrStaffSubmitForIt() {
        Caller system = caller(Map.of("roles", List.of("activity-submitter"), "centres", List.of("C-NORTH")));
        assertThat(system.maySubmitFor("C-NORTH")).isTrue();
        assertThat(system.maySubmitFor("C-SOUTH")).isFalse();
        assertThat(caller(Map.of("roles", List.of("operations"))).maySubmitFor("C-NORTH")).isFalse();
        assertThat(caller(Map.of("roles", List.of("learner"), "learner_id", "L-1", "centres", List.of("C-NORTH")))
                .maySubmitFor("C-NORTH")).isFalse();
    }

    @Test
    void operationsReadEveryCentre() {
        assertThat(caller(Map.of("roles", List.of("operations"))).mayReadCentre("C-ANY")).isTrue();
    }
}
