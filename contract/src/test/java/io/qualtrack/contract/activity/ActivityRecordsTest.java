package io.qualtrack.contract.activity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityRecordsTest {

    private static final UUID ID = UUID.fromString("e02a5254-5596-567a-a82a-40e8ac65c606");
    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

    private static EvidenceSubmitted evidence(Instant at, String ref, String... criteria) {
        return new EvidenceSubmitted(ID, at, 1, "L-1", "C-1", "SELM7-CERT", "SELM7-04", 1, ref, List.of(criteria));
    }

    @Test
    void theSameEventSentTwiceHasNoDifferences() {
        assertThat(ActivityRecords.differences(evidence(AT, "essay", "2.2"), evidence(AT, "essay", "2.2"))).isEmpty();
    }

    @Test
    void aRetryWhoseTimeOfReceiptWasFilledInIsStillTheSameEvent() {
        assertThat(ActivityRecords.differences(evidence(AT, "essay", "2.2"), evidence(AT.plusSeconds(90), "essay", "2.2"))).isEmpty();
    }

    @Test
    void theFieldsThatDifferAreNamed() {
        assertThat(ActivityRecords.differences(evidence(AT, "dup-first", "2.2"), evidence(AT, "dup-second", "2.3")))
                .containsExactly("evidenceRef", "criterionCodes");
    }

    @Test
    void anotherTypeOfEventUnderTheSameIdDiffersInType() {
        var withdrawn = new LearnerWithdrawn(ID, AT, 1, "L-1", "C-1", "SELM7-CERT", "moved away");
        assertThat(ActivityRecords.differences(evidence(AT, "essay", "2.2"), withdrawn)).containsExactly("type");
    }
}
