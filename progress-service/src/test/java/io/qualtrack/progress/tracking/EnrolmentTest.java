package io.qualtrack.progress.tracking;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.enrolment.EnrolmentId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EnrolmentTest {

    private final SmallCatalogue catalogue = new SmallCatalogue();
    private final Activities ann = new Activities("L-ANN", "C-1", SmallCatalogue.QUALIFICATION);
    private final EnrolmentId id = EnrolmentId.of(ann.enrolled(0));

    /** A long history with reworks, ties in time, a withdrawal and a re-enrolment. */
    private List<LearnerActivityEvent> history(Random random) {
        List<LearnerActivityEvent> events = new ArrayList<>(List.of(ann.enrolled(0)));
        String[][] criteria = {{"U-ONE", "1.1"}, {"U-ONE", "1.2"}, {"U-ONE", "2.1"}, {"U-TWO", "1.1"}};
        for (int i = 0; i < 60; i++) {
            String[] c = criteria[random.nextInt(criteria.length)];
            int minute = 1 + random.nextInt(40);
            events.add(switch (random.nextInt(5)) {
                // more distinct references than a criterion shows, so which ones it keeps must not depend on the order either
                case 0 -> ann.evidence(minute, c[0], "ref-" + random.nextInt(14), c[1]);
                case 1 -> ann.met(minute, c[0], c[1]);
                case 2 -> ann.notYetMet(minute, c[0], c[1]);
                case 3 -> ann.verified(minute, c[0], c[1]);
                default -> ann.evidence(minute, "U-ONE", "ref-both", "1.1", "1.2");
            });
        }
        events.add(ann.withdrawn(20 + random.nextInt(10)));
        events.add(ann.enrolled(25 + random.nextInt(10)));
        return events;
    }

    @Test
    void applyingEventsInAnyOrderAndInAnyBatchesGivesWhatReplayingThemAllGives() {
        for (long seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            List<LearnerActivityEvent> events = history(random);
            List<LearnerActivityEvent> deliveries = new ArrayList<>(events);
            Collections.shuffle(deliveries, random);
            for (int i = 0; i < 10; i++) {
                deliveries.add(random.nextInt(deliveries.size()), deliveries.get(random.nextInt(deliveries.size())));
            }
            EnrolmentState state = EnrolmentState.empty(id);
            List<LearnerActivityEvent> stored = new ArrayList<>();
            for (int from = 0; from < deliveries.size(); ) {
                int to = Math.min(deliveries.size(), from + 1 + random.nextInt(8));
                List<LearnerActivityEvent> batch = deliveries.subList(from, to);
                stored.addAll(batch);
                state = applied(state, batch, stored);
                from = to;
            }

            assertThat(state).as("seed %d", seed).isEqualTo(Enrolment.replay(id, events));
            assertThat(ProgressRules.calculate(state, catalogue)).isEqualTo(ProgressRules.calculate(events, catalogue));
        }
    }

    /**
     * The store reads a criterion reached late from the events its history lists ({@link CriterionHistory}), never by
     * searching: so every event a record counts must be listed under an ordinal up to its count, whatever the order.
     */
    @Test
    void everyEventACriterionCountsIsListedUnderAnOrdinalUpToItsCount() {
        for (long seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            List<LearnerActivityEvent> events = new ArrayList<>(history(random));
            for (int i = 0; i < 40; i++) {
                events.add(ann.evidence(1 + random.nextInt(40), "U-ONE", "draft-" + i, "1.1"));
            }
            Collections.shuffle(events, random);
            Map<java.util.UUID, LearnerActivityEvent> stored = new HashMap<>();
            Map<String, java.util.UUID> listed = new HashMap<>();
            EnrolmentState state = EnrolmentState.empty(id);
            for (int from = 0; from < events.size(); ) {
                int to = Math.min(events.size(), from + 1 + random.nextInt(8));
                List<LearnerActivityEvent> batch = events.subList(from, to);
                batch.forEach(e -> stored.put(e.eventId(), e));
                Enrolment enrolment = new Enrolment(state, 1);
                Map<CriterionKey, List<LearnerActivityEvent>> histories = new HashMap<>();
                for (CriterionKey key : enrolment.reachedLate(batch)) {
                    int counted = state.criteria().get(key).events();
                    Set<java.util.UUID> found = new java.util.HashSet<>();
                    for (int ordinal = 1; ordinal <= counted; ordinal++) {
                        java.util.UUID eventId = listed.get(key + "#" + ordinal);
                        if (eventId != null) {
                            found.add(eventId);
                        }
                    }
                    assertThat(found).as("seed %d: events listed for %s", seed, key).hasSize(counted);
                    histories.put(key, found.stream().map(stored::get).toList());
                }
                enrolment.apply(batch, histories);
                // inserted: a listing there already stays
                enrolment.listings().forEach(l -> listed.putIfAbsent(l.key() + "#" + l.ordinal(), l.eventId()));
                state = enrolment.state();
                from = to;
            }

            assertThat(state).as("seed %d", seed).isEqualTo(Enrolment.replay(id, events));
        }
    }

    @Test
    void applyingWhatIsAppliedAlreadyChangesNothing() {
        List<LearnerActivityEvent> events = history(new Random(7));
        EnrolmentState state = Enrolment.replay(id, events);
        Enrolment enrolment = new Enrolment(state, 3);

        enrolment.apply(events.subList(10, 20), histories(enrolment.reachedLate(events.subList(10, 20)), events));

        assertThat(enrolment.changed()).isFalse();
    }

    @Test
    void aLateEventNeedsOnlyItsOwnCriterionsEvents() {
        Enrolment enrolment = new Enrolment(Enrolment.replay(id, List.of(ann.enrolled(0), ann.evidence(5, "U-ONE", "a", "1.1"),
                ann.evidence(6, "U-ONE", "b", "1.2"), ann.met(9, "U-ONE", "1.2"))), 1);

        assertThat(enrolment.reachedLate(List.of(ann.met(7, "U-ONE", "1.1"), ann.met(3, "U-ONE", "1.2"),
                ann.evidence(8, "U-TWO", "c", "1.1")))).containsExactly(new CriterionKey("U-ONE", "1.2"));
    }

    /** However many submissions, a criterion's record stays the same size: the latest distinct references and a count. */
    @Test
    void aCriterionKeepsItsLatestEvidenceReferencesAndCountsEverySubmission() {
        List<LearnerActivityEvent> events = new ArrayList<>(List.of(ann.enrolled(0)));
        for (int minute = 1; minute <= 30; minute++) {
            events.add(ann.evidence(minute, "U-ONE", "draft-" + (minute <= 25 ? minute : 25), "1.1"));
        }

        CriterionRecord record = Enrolment.replay(id, events).criteria().get(new CriterionKey("U-ONE", "1.1"));

        assertThat(record.evidenceRefs()).containsExactly("draft-16", "draft-17", "draft-18", "draft-19", "draft-20",
                "draft-21", "draft-22", "draft-23", "draft-24", "draft-25");
        assertThat(record.evidenceCount()).isEqualTo(30);
        assertThat(record.toProgress("1.1", "text").evidenceCount()).isEqualTo(30);
    }

    private EnrolmentState applied(EnrolmentState state, List<LearnerActivityEvent> batch, List<LearnerActivityEvent> stored) {
        Enrolment enrolment = new Enrolment(state, 1);
        enrolment.apply(batch, histories(enrolment.reachedLate(batch), stored));
        return enrolment.state();
    }

    /** What the event store answers: each criterion's own events among those stored. */
    private static Map<CriterionKey, List<LearnerActivityEvent>> histories(Set<CriterionKey> late, List<LearnerActivityEvent> stored) {
        Map<CriterionKey, List<LearnerActivityEvent>> histories = new HashMap<>();
        late.forEach(key -> histories.put(key, stored.stream().filter(e -> CriterionKey.of(e).contains(key)).toList()));
        return histories;
    }
}
