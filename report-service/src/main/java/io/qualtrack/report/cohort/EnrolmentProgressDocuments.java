package io.qualtrack.report.cohort;

import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.CriterionProgress.Decision;
import io.qualtrack.contract.progress.EnrolmentProgress;
import io.qualtrack.contract.progress.EnrolmentProgress.EnrolmentStatus;
import io.qualtrack.contract.progress.LearningOutcomeProgress;
import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.contract.progress.ProgressSummary;
import io.qualtrack.contract.progress.UnitProgress;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

/**
 * A full progress snapshot as the {@code snapshot} sub-document of {@code enrolment_snapshots}: a field per record
 * component, instants as BSON dates (MongoDB keeps milliseconds, as progress-service does), dates as ISO days
 * ({@code 2026-01-01}), enums by name, absent values as {@code null}.
 */
public final class EnrolmentProgressDocuments {

    private EnrolmentProgressDocuments() {
    }

    public static Document toDocument(EnrolmentProgress progress) {
        return new Document("learnerId", progress.learnerId())
                .append("qualificationCode", progress.qualificationCode())
                .append("qualificationTitle", progress.qualificationTitle())
                .append("centreId", progress.centreId())
                .append("cohortId", progress.cohortId())
                .append("startDate", progress.startDate().toString())
                .append("plannedEndDate", progress.plannedEndDate().toString())
                .append("status", progress.status().name())
                .append("enrolledAt", date(progress.enrolledAt()))
                .append("withdrawnAt", date(progress.withdrawnAt()))
                .append("lastActivityAt", date(progress.lastActivityAt()))
                .append("summary", summary(progress.summary()))
                .append("units", progress.units().stream().map(EnrolmentProgressDocuments::unit).toList());
    }

    public static EnrolmentProgress fromDocument(Document doc) {
        return new EnrolmentProgress(doc.getString("learnerId"), doc.getString("qualificationCode"),
                doc.getString("qualificationTitle"), doc.getString("centreId"), doc.getString("cohortId"),
                LocalDate.parse(doc.getString("startDate")), LocalDate.parse(doc.getString("plannedEndDate")),
                EnrolmentStatus.valueOf(doc.getString("status")), instant(doc.getDate("enrolledAt")),
                instant(doc.getDate("withdrawnAt")), instant(doc.getDate("lastActivityAt")),
                summary(doc.get("summary", Document.class)),
                doc.getList("units", Document.class).stream().map(EnrolmentProgressDocuments::unit).toList());
    }

    static Document summary(ProgressSummary summary) {
        return new Document("criteria", summary.criteria())
                .append("notStarted", summary.notStarted())
                .append("awaitingAssessment", summary.awaitingAssessment())
                .append("met", summary.met())
                .append("verified", summary.verified())
                .append("percentMet", summary.percentMet())
                .append("percentVerified", summary.percentVerified())
                .append("status", summary.status().name());
    }

    static ProgressSummary summary(Document doc) {
        return new ProgressSummary(doc.getInteger("criteria"), doc.getInteger("notStarted"), doc.getInteger("awaitingAssessment"),
                doc.getInteger("met"), doc.getInteger("verified"), doc.getDouble("percentMet"), doc.getDouble("percentVerified"),
                ProgressStatus.valueOf(doc.getString("status")));
    }

    private static Document unit(UnitProgress unit) {
        return new Document("unitCode", unit.unitCode())
                .append("unitVersion", unit.unitVersion())
                .append("title", unit.title())
                .append("summary", summary(unit.summary()))
                .append("learningOutcomes", unit.learningOutcomes().stream().map(EnrolmentProgressDocuments::learningOutcome).toList());
    }

    private static UnitProgress unit(Document doc) {
        return new UnitProgress(doc.getString("unitCode"), doc.getInteger("unitVersion"), doc.getString("title"),
                summary(doc.get("summary", Document.class)),
                doc.getList("learningOutcomes", Document.class).stream().map(EnrolmentProgressDocuments::learningOutcome).toList());
    }

    private static Document learningOutcome(LearningOutcomeProgress lo) {
        return new Document("code", lo.code())
                .append("text", lo.text())
                .append("summary", summary(lo.summary()))
                .append("criteria", lo.criteria().stream().map(EnrolmentProgressDocuments::criterion).toList());
    }

    private static LearningOutcomeProgress learningOutcome(Document doc) {
        return new LearningOutcomeProgress(doc.getString("code"), doc.getString("text"), summary(doc.get("summary", Document.class)),
                doc.getList("criteria", Document.class).stream().map(EnrolmentProgressDocuments::criterion).toList());
    }

    private static Document criterion(CriterionProgress criterion) {
        return new Document("code", criterion.code())
                .append("text", criterion.text())
                .append("status", criterion.status().name())
                .append("evidenceRefs", criterion.evidenceRefs())
                .append("evidenceCount", criterion.evidenceCount())
                .append("firstEvidenceAt", date(criterion.firstEvidenceAt()))
                .append("assessment", decision(criterion.assessment()))
                .append("verification", decision(criterion.verification()));
    }

    private static CriterionProgress criterion(Document doc) {
        return new CriterionProgress(doc.getString("code"), doc.getString("text"), CriterionStatus.valueOf(doc.getString("status")),
                // a snapshot stored before the count was kept: 0, which counts the references
                doc.getList("evidenceRefs", String.class), doc.getInteger("evidenceCount", 0), instant(doc.getDate("firstEvidenceAt")),
                decision(doc.get("assessment", Document.class)), decision(doc.get("verification", Document.class)));
    }

    private static @Nullable Document decision(@Nullable Decision decision) {
        return decision == null ? null
                : new Document("outcome", decision.outcome()).append("by", decision.by()).append("at", date(decision.at()));
    }

    private static @Nullable Decision decision(@Nullable Document doc) {
        return doc == null ? null : new Decision(doc.getString("outcome"), doc.getString("by"), doc.getDate("at").toInstant());
    }

    static @Nullable Date date(@Nullable Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }
}
