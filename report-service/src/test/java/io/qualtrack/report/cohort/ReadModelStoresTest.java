package io.qualtrack.report.cohort;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.qualtrack.contract.progress.EnrolmentProgressChanged;
import io.qualtrack.testsupport.MongoStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.MET;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.NOT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/** A batch as Kafka delivers it: several revisions of one enrolment, several enrolments of one new cohort. */
class ReadModelStoresTest {

    private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");
    private MongoClient client;
    private EnrolmentViewStore views;
    private CohortDirectory directory;

    @BeforeEach
    void stores() {
        String uri = MongoStandIn.uri("read-models");
        client = MongoClients.create(uri);
        MongoTemplate mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
        views = new EnrolmentViewStore(mongo, JsonMapper.builder().build());
        directory = new CohortDirectory(mongo);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void keepsTheNewestRevisionAndEveryMemberOfABatch() {
        List<EnrolmentProgressChanged> batch = List.of(
                Snapshots.changed(Snapshots.progress("B-1", "C", "K", AT, NOT_STARTED, NOT_STARTED, NOT_STARTED, NOT_STARTED), 1),
                Snapshots.changed(Snapshots.progress("B-2", "C", "K", AT, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED), 1),
                Snapshots.changed(Snapshots.progress("B-1", "C", "K", AT, MET, MET, NOT_STARTED, NOT_STARTED), 2));

        var applied = views.apply(batch);
        directory.join(batch.stream().map(EnrolmentProgressChanged::progress).toList());
        directory.join(batch.stream().map(EnrolmentProgressChanged::progress).toList());

        assertThat(applied.stored()).hasSize(2);
        assertThat(applied.superseded()).isEqualTo(1);
        assertThat(directory.cohort("C", "K").orElseThrow().members()).containsExactlyInAnyOrder("B-1|Q1", "B-2|Q1");
        assertThat(directory.enrolmentsOf("B-1")).containsExactly("B-1|Q1");
        assertThat(views.rows(List.of("B-1|Q1"))).singleElement()
                .satisfies(row -> assertThat(row.summary().percentMet()).isEqualTo(50.0));
        assertThat(views.apply(batch).stored()).as("a redelivered batch changes nothing").isEmpty();
    }
}
