package io.qualtrack.report.pages;

import io.qualtrack.report.cohort.AssessedRow;
import io.qualtrack.report.cohort.EnrolmentRow;
import io.qualtrack.report.ontrack.Rag;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One learner's line in a cohort grid or at-risk list, in the page's terms. */
public record GridRow(String learnerId, String qualificationCode, String qualificationTitle, Rag rag, String ragText,
                      List<String> reasons, double percentMet, double expectedPercent, long daysSinceLastActivity,
                      LocalDate lastActivity, int awaitingAssessment, int awaitingVerification, Map<String, UnitCell> units) {

    /** A learner's figures for one unit of their qualification. */
    public record UnitCell(double percentMet, String statusText, String statusKey) {
    }

    static GridRow of(AssessedRow assessed) {
        EnrolmentRow row = assessed.row();
        var onTrack = assessed.onTrack();
        return new GridRow(row.learnerId(), row.qualificationCode(), row.qualificationTitle(), onTrack.rag(),
                Wording.rag(onTrack.rag()), onTrack.reasons(), onTrack.actualPercent(), onTrack.expectedPercent(),
                onTrack.daysSinceLastActivity(), row.lastActivityAt().atZone(ZoneOffset.UTC).toLocalDate(),
                onTrack.awaitingAssessment(), onTrack.awaitingVerification(),
                row.units().stream().collect(Collectors.toMap(EnrolmentRow.UnitCell::unitCode,
                        u -> new UnitCell(u.percentMet(), Wording.progress(u.status()), u.status().name().toLowerCase(java.util.Locale.ROOT)),
                        (a, b) -> a, java.util.LinkedHashMap::new)));
    }

    public @Nullable UnitCell unit(String unitCode) {
        return units.get(unitCode);
    }

    public String ragKey() {
        return rag.name().toLowerCase(java.util.Locale.ROOT);
    }

    static List<GridRow> of(List<AssessedRow> rows) {
        return rows.stream().map((Function<AssessedRow, GridRow>) GridRow::of).toList();
    }
}
