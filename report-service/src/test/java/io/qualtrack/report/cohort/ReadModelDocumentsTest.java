package io.qualtrack.report.cohort;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.LearningOutcomeProgress;
import io.qualtrack.contract.progress.UnitProgress;
import io.qualtrack.report.trend.DailyContribution;
import io.qualtrack.report.trend.DailyContributionDocuments;
import io.qualtrack.testsupport.MongoStandIn;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.EVIDENCE_SUBMITTED;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.MET;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.NOT_STARTED;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

/** Snapshots, rows and trend contributions read back from MongoDB as the records they were written from. */
class ReadModelDocumentsTest {

    private static final Instant AT = Instant.parse("2026-05-01T10:15:30.123Z");

    private MongoClient client;
    private MongoCollection<Document> documents;

    @BeforeEach
    void database() {
        String uri = MongoStandIn.uri("documents");
        client = MongoClients.create(uri);
        documents = client.getDatabase(uri.substring(uri.lastIndexOf('/') + 1)).getCollection("documents");
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aSnapshotWithEveryKindOfCriterionReadsBackEqual() {
        EnrolmentProgress progress = everyKindOfCriterion();

        assertThat(throughMongo(EnrolmentProgressDocuments.toDocument(progress), EnrolmentProgressDocuments::fromDocument)).isEqualTo(progress);
    }

    @Test
    void aWithdrawnSnapshotAndOneWithoutUnitsReadBackEqual() {
        EnrolmentProgress withdrawn = Snapshots.withdrawn(Snapshots.progress("W-1", "C", "K", AT, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED),
                AT.plusSeconds(60));
        EnrolmentProgress noUnits = new EnrolmentProgress("E-1", "Q1", "Qualification one", "C", "K", Snapshots.START, Snapshots.END,
                EnrolmentProgress.EnrolmentStatus.ACTIVE, AT, null, AT, Snapshots.summary(List.of(criterion("1.1", NOT_STARTED))), List.of());

        assertThat(throughMongo(EnrolmentProgressDocuments.toDocument(withdrawn), EnrolmentProgressDocuments::fromDocument)).isEqualTo(withdrawn);
        assertThat(throughMongo(EnrolmentProgressDocuments.toDocument(noUnits), EnrolmentProgressDocuments::fromDocument)).isEqualTo(noUnits);
    }

    @Test
    void rowsReadBackEqualWithAndWithoutAWithdrawal() {
        EnrolmentRow active = EnrolmentRow.of(everyKindOfCriterion());
        EnrolmentRow withdrawn = EnrolmentRow.of(Snapshots.withdrawn(everyKindOfCriterion(), AT.plusSeconds(60)));

        assertThat(active.withdrawnAt()).isNull();
        assertThat(throughMongo(EnrolmentRowDocuments.toDocument(active), EnrolmentRowDocuments::fromDocument)).isEqualTo(active);
        assertThat(throughMongo(EnrolmentRowDocuments.toDocument(withdrawn), EnrolmentRowDocuments::fromDocument)).isEqualTo(withdrawn);
    }

    @Test
    void contributionsReadBackEqualWithDaysInOrderAndWithNone() {
        DailyContribution some = DailyContribution.of(everyKindOfCriterion());
        DailyContribution none = new DailyContribution("C", "K", null, new TreeMap<>());

        assertThat(some.pointsMet()).hasSize(2);
        assertThat(throughMongo(DailyContributionDocuments.toDocument(some), DailyContributionDocuments::fromDocument)).isEqualTo(some);
        assertThat(throughMongo(DailyContributionDocuments.toDocument(none), DailyContributionDocuments::fromDocument)).isEqualTo(none);
    }

    @Test
    void fieldsAreTypedValuesAQueryCanUse() {
        Document snapshot = EnrolmentProgressDocuments.toDocument(everyKindOfCriterion());
        Document trend = DailyContributionDocuments.toDocument(DailyContribution.of(everyKindOfCriterion()));

        assertThat(snapshot.get("lastActivityAt")).isEqualTo(Date.from(AT));
        assertThat(snapshot.get("startDate")).isEqualTo("2026-01-01");
        assertThat(snapshot.get("status")).isEqualTo("ACTIVE");
        assertThat(snapshot).containsEntry("withdrawnAt", null);
        assertThat(trend.get("pointsMet", Document.class)).containsOnlyKeys("2026-04-30", "2026-05-01");
    }

    @Test
    void anInstantIsKeptToTheMillisecondAsMongoDbStoresIt() {
        Instant nanos = Instant.parse("2026-05-01T10:15:30.123456789Z");
        EnrolmentProgress progress = Snapshots.progress("N-1", "C", "K", nanos, MET, NOT_STARTED, NOT_STARTED, NOT_STARTED);

        assertThat(throughMongo(EnrolmentProgressDocuments.toDocument(progress), EnrolmentProgressDocuments::fromDocument).lastActivityAt())
                .isEqualTo(Instant.parse("2026-05-01T10:15:30.123Z"));
    }

    private <T> T throughMongo(Document document, Function<Document, T> read) {
        documents.replaceOne(new Document("_id", "one"), new Document("_id", "one").append("value", document), new ReplaceOptions().upsert(true));
        return read.apply(documents.find(new Document("_id", "one")).first().get("value", Document.class));
    }

    /** Not started, evidence only, met the day before, verified; one decision reversed to "not yet met". */
    private static EnrolmentProgress everyKindOfCriterion() {
        Instant dayBefore = AT.minusSeconds(86_400);
        List<CriterionProgress> criteria = List.of(
                criterion("1.1", NOT_STARTED),
                new CriterionProgress("1.2", "Criterion 1.2", EVIDENCE_SUBMITTED, List.of("e-1", "e-2"), AT,
                        new CriterionProgress.Decision("NOT_YET_MET", "assessor", AT), null),
                new CriterionProgress("2.1", "Criterion 2.1", MET, List.of("e-3"), dayBefore,
                        new CriterionProgress.Decision("MET", "assessor", dayBefore), null),
                new CriterionProgress("2.2", "Criterion 2.2", VERIFIED, List.of("e-4"), dayBefore,
                        new CriterionProgress.Decision("MET", "assessor", AT), new CriterionProgress.Decision("VERIFIED", "iqa", AT)));
        var lo1 = new LearningOutcomeProgress("LO1", "Understand", Snapshots.summary(criteria.subList(0, 2)), criteria.subList(0, 2));
        var lo2 = new LearningOutcomeProgress("LO2", "Be able to", Snapshots.summary(criteria.subList(2, 4)), criteria.subList(2, 4));
        var unit = new UnitProgress("U1", 3, "Unit one", Snapshots.summary(criteria), List.of(lo1, lo2));
        return new EnrolmentProgress("L-1", "Q1", "Qualification one", "C", "K", Snapshots.START, Snapshots.END,
                EnrolmentProgress.EnrolmentStatus.ACTIVE, Instant.parse("2026-01-01T09:00:00Z"), null, AT,
                Snapshots.summary(criteria), List.of(unit));
    }

    private static CriterionProgress criterion(String code, CriterionStatus status) {
        return new CriterionProgress(code, "Criterion " + code, status, List.of(), null, null, null);
    }
}
