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

    private int storedBytes() {
        Document doc = fixture.mongo.getCollection(EnrolmentStore.COLLECTION).find(Filters.eq("_id", id.value())).first();
        return doc.toJson().getBytes(StandardCharsets.UTF_8).length;
    }
}
