package io.qualtrack.progress.parking;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.qualtrack.contract.activity.EvidenceSubmitted;
import io.qualtrack.contract.activity.LearnerActivityEvent;
import io.qualtrack.testsupport.MongoStandIn;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ParkedActivityStoreTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final String uri = MongoStandIn.uri("parked");
    private final MongoClient client = MongoClients.create(uri);
    private final MongoTemplate mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
    private final ParkedActivityStore store = new ParkedActivityStore(mongo, json);
    private final Instant at = Instant.parse("2026-10-01T09:00:00Z");

    @AfterEach
    void close() {
        client.close();
    }

    private EvidenceSubmitted evidence(String ref) {
        return new EvidenceSubmitted(UUID.randomUUID(), at, 1, "L-1", "C-1", "Q-1", "U-ONE", 2, ref, List.of("1.1", "1.2"));
    }

    @Test
    void aParkedEventIsStoredAsADocumentWithItsFieldsNotAsText() {
        EvidenceSubmitted event = evidence("essay.pdf");

        store.park(List.of(new ParkedActivity(event, "unit/U-ONE@2", ParkReason.AWAITING_CONTENT, at, null)), true);

        Document stored = mongo.getCollection("parked_activity").find().first();
        assertThat(stored.get("event")).isInstanceOf(Document.class);
        assertThat(stored.get("event", Document.class).getList("criterionCodes", String.class)).containsExactly("1.1", "1.2");
        assertThat(store.waitingFor(List.of("unit/U-ONE@2"), 10)).extracting(ParkedActivity::event).containsExactly(event);
    }

    @Test
    void anEventParkedAsTextBeforeIsStillReadAndAppliedLater() {
        EvidenceSubmitted event = evidence("old.pdf");
        mongo.getCollection("parked_activity").insertOne(new Document("_id", event.eventId().toString())
                .append("learnerId", "L-1").append("waitingFor", "unit/U-ONE@2").append("reason", ParkReason.AWAITING_CONTENT.name())
                .append("enrolment", "C-1|L-1|Q-1").append("type", "EvidenceSubmitted")
                .append("event", json.writeValueAsString((LearnerActivityEvent) event))
                .append("triedAt", java.util.Date.from(at)).append("parkedAt", java.util.Date.from(at)));

        assertThat(store.waitingFor(List.of("unit/U-ONE@2"), 10)).extracting(ParkedActivity::event).containsExactly(event);
    }
}
