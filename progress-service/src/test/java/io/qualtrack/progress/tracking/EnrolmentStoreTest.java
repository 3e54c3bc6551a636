package io.qualtrack.progress.tracking;

import com.mongodb.client.model.Filters;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.progress.enrolment.EnrolmentId;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EnrolmentStoreTest {

    private final SmallCatalogue catalogue = new SmallCatalogue();
    private final ProcessorFixture fixture = new ProcessorFixture(catalogue);
    private final Activities ann = new Activities("L-ANN", "C-1", SmallCatalogue.QUALIFICATION);
    private final EnrolmentId id = EnrolmentId.of(ann.enrolled(0));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void ofTwoWritesOverTheSameRevisionTheSecondIsAConflictAndTheFirstStays() {
        fixture.processor.process(fixture.incoming(List.of(ann.enrolled(0))));
        EnrolmentState stored = fixture.enrolments.load(List.of(id)).get(id).state();
        EnrolmentState first = Enrolment.replay(id, List.of(ann.enrolled(0), ann.evidence(1, "U-ONE", "first", "1.1")));
        EnrolmentState second = Enrolment.replay(id, List.of(ann.enrolled(0), ann.evidence(1, "U-ONE", "second", "1.2")));
        EnrolmentStore other = new EnrolmentStore(fixture.mongo, catalogue, 10);

        assertThat(fixture.enrolments.save(List.of(new EnrolmentStore.Update(stored, first, 2, Instant.now())))).isEmpty();
        assertThat(other.save(List.of(new EnrolmentStore.Update(stored, second, 2, Instant.now())))).containsExactly(id);
        assertThat(other.save(List.of(new EnrolmentStore.Update(EnrolmentState.empty(id), second, 1, Instant.now()))))
                .as("a second first write").containsExactly(id);

        assertThat(other.load(List.of(id)).get(id).state()).isEqualTo(first);
    }

    /** The cost of an event must not grow with the history: the state holds no list of events, only what they decided. */
    @Test
    void anEnrolmentsStoredStateDoesNotGrowWithItsHistory() {
        List<LearnerActivityEvent> start = new ArrayList<>(List.of(ann.enrolled(0)));
        String[] criteria = {"1.1", "1.2", "2.1"};
        for (String criterion : criteria) {
            start.add(ann.evidence(1, "U-ONE", "portfolio", criterion));
        }
        fixture.processor.process(fixture.incoming(start));
        int afterStart = storedBytes();

        for (int minute = 2; minute < 400; minute++) {
            String criterion = criteria[minute % criteria.length];
            fixture.processor.process(fixture.incoming(List.of(minute % 2 == 0 ? ann.notYetMet(minute, "U-ONE", criterion)
                    : ann.met(minute, "U-ONE", criterion))));
        }

        assertThat(fixture.events.ofEnrolment(id)).hasSize(start.size() + 398);
        assertThat(storedBytes()).as("bytes after 400 events against %d after 4", afterStart).isLessThan(afterStart + 600);
    }

    /** MongoDB keeps dates to the millisecond: an event is taken at that precision, so its redelivery is the same event. */
    @Test
    void anEventSentWithNanosecondsIsStoredAndAppliedAtTheMillisecondAndItsRedeliveryIsADuplicate() {
        var enrolled = ann.enrolled(0);
        var evidence = new io.qualtrack.contract.activity.EvidenceSubmitted(java.util.UUID.randomUUID(),
                Activities.minute(1).plusNanos(123_456_789), 1, "L-ANN", "C-1", SmallCatalogue.QUALIFICATION, "U-ONE", 1, "essay",
                List.of("1.1"));

        var first = fixture.processor.process(fixture.incoming(List.of(enrolled, evidence)));
        var again = fixture.processor.process(fixture.incoming(List.of(evidence)));

        assertThat(first.applied()).isEqualTo(2);
        assertThat(again.duplicates()).isOne();
        assertThat(again.applied()).isZero();
        assertThat(fixture.events.find(List.of(evidence.eventId())).get(evidence.eventId()).occurredAt())
                .isEqualTo(Activities.minute(1).plusMillis(123));
        assertThat(fixture.enrolments.ofLearner("L-ANN").getFirst().revision()).as("nothing changed the second time").isEqualTo(1);
    }

    /** A late event is replayed from the ids its criterion's history lists: read by key, so its cost is the criterion's. */
    @Test
    void aCriterionReachedLateIsReplayedFromTheEventsItsHistoryLists() {
        List<LearnerActivityEvent> events = new ArrayList<>(List.of(ann.enrolled(0)));
        for (int minute = 10; minute < 60; minute++) {
            events.add(minute % 3 == 0 ? ann.notYetMet(minute, "U-ONE", "1.1") : ann.evidence(minute, "U-ONE", "draft-" + minute, "1.1"));
        }
        fixture.processor.process(fixture.incoming(events));
        var late = ann.met(5, "U-ONE", "1.1");

        fixture.processor.process(fixture.incoming(List.of(late)));

        events.add(late);
        assertThat(fixture.enrolments.load(List.of(id)).get(id).state()).isEqualTo(Enrolment.replay(id, events));
        assertThat(fixture.mongo.getCollection(ActivityEventStore.HISTORIES).countDocuments())
                .as("the 50 events of one criterion and the late one, each listed once").isEqualTo(51);
    }

    /** A state stored before events were counted: its criterion reached late is searched for once, and listed from then on. */
    @Test
    void aCriterionStoredBeforeEventsWereCountedIsSearchedForOnceThenListed() {
        List<LearnerActivityEvent> events = new ArrayList<>(List.of(ann.enrolled(0), ann.evidence(10, "U-ONE", "essay", "1.1"),
                ann.notYetMet(11, "U-ONE", "1.1"), ann.evidence(12, "U-ONE", "essay-2", "1.1")));
        fixture.processor.process(fixture.incoming(events));
        var enrolments = fixture.mongo.getCollection(EnrolmentStore.COLLECTION);
        Document stored = enrolments.find(Filters.eq("_id", id.value())).first();
        stored.get("criteria", Document.class).values().forEach(c -> ((Document) c).remove("events"));
        enrolments.replaceOne(Filters.eq("_id", id.value()), stored);
        fixture.mongo.getCollection(ActivityEventStore.HISTORIES).drop();
        var late = ann.met(5, "U-ONE", "1.1");

        // an instance that has not seen the enrolment yet reads it as stored
        fixture.secondInstance().process(fixture.incoming(List.of(late)));

        events.add(late);
        assertThat(new EnrolmentStore(fixture.mongo, catalogue, 10).load(List.of(id)).get(id).state()).isEqualTo(Enrolment.replay(id, events));
        assertThat(fixture.mongo.getCollection(ActivityEventStore.HISTORIES).countDocuments()).isEqualTo(4);
    }

    /** Two threads re-driving the same parked event both try to store it: the second learns it was first stored by the other. */
    @Test
    void storingEventsSaysWhichWereStoredAlready() {
        var first = ann.evidence(1, "U-ONE", "essay", "1.1");
        var second = ann.evidence(2, "U-ONE", "essay-2", "1.1");
        assertThat(fixture.events.append(List.of(first))).isEmpty();

        assertThat(fixture.events.append(List.of(first, second))).containsExactly(first.eventId());
        assertThat(fixture.events.find(List.of(first.eventId(), second.eventId()))).hasSize(2);
    }

    private int storedBytes() {
        Document doc = fixture.mongo.getCollection(EnrolmentStore.COLLECTION).find(Filters.eq("_id", id.value())).first();
        return doc.toJson().getBytes(StandardCharsets.UTF_8).length;
    }
}
