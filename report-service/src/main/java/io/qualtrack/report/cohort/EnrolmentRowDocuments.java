package io.qualtrack.report.cohort;

import io.qualtrack.contract.progress.CriterionProgress.CriterionStatus;
import io.qualtrack.contract.progress.EnrolmentProgress.EnrolmentStatus;
import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.report.cohort.EnrolmentRow.CriterionCell;
import io.qualtrack.report.cohort.EnrolmentRow.UnitCell;
import org.bson.Document;

import java.time.LocalDate;

import static io.qualtrack.report.cohort.EnrolmentProgressDocuments.date;
import static io.qualtrack.report.cohort.EnrolmentProgressDocuments.instant;
import static io.qualtrack.report.cohort.EnrolmentProgressDocuments.summary;

/**
 * An {@link EnrolmentRow} as the {@code row} sub-document of {@code enrolment_views}, in the same field types as the
 * full snapshot ({@link EnrolmentProgressDocuments}): instants as BSON dates, dates as ISO days, enums by name.
 */
public final class EnrolmentRowDocuments {

    private EnrolmentRowDocuments() {
    }

    public static Document toDocument(EnrolmentRow row) {
        return new Document("learnerId", row.learnerId())
                .append("qualificationCode", row.qualificationCode())
                .append("qualificationTitle", row.qualificationTitle())
                .append("centreId", row.centreId())
                .append("cohortId", row.cohortId())
                .append("status", row.status().name())
                .append("startDate", row.startDate().toString())
                .append("plannedEndDate", row.plannedEndDate().toString())
                .append("lastActivityAt", date(row.lastActivityAt()))
                .append("withdrawnAt", date(row.withdrawnAt()))
                .append("summary", summary(row.summary()))
                .append("units", row.units().stream().map(unit -> new Document("unitCode", unit.unitCode())
                        .append("title", unit.title())
                        .append("percentMet", unit.percentMet())
                        .append("status", unit.status().name())
                        .append("criteria", unit.criteria().stream().map(c -> new Document("code", c.code())
                                .append("status", c.status().name())).toList())).toList());
    }

    public static EnrolmentRow fromDocument(Document doc) {
        return new EnrolmentRow(doc.getString("learnerId"), doc.getString("qualificationCode"), doc.getString("qualificationTitle"),
                doc.getString("centreId"), doc.getString("cohortId"), EnrolmentStatus.valueOf(doc.getString("status")),
                LocalDate.parse(doc.getString("startDate")), LocalDate.parse(doc.getString("plannedEndDate")),
                instant(doc.getDate("lastActivityAt")), instant(doc.getDate("withdrawnAt")), summary(doc.get("summary", Document.class)),
                doc.getList("units", Document.class).stream().map(unit -> new UnitCell(unit.getString("unitCode"), unit.getString("title"),
                        unit.getDouble("percentMet"), ProgressStatus.valueOf(unit.getString("status")),
                        unit.getList("criteria", Document.class).stream().map(c -> new CriterionCell(c.getString("code"),
                                CriterionStatus.valueOf(c.getString("status")))).toList())).toList());
    }
}
