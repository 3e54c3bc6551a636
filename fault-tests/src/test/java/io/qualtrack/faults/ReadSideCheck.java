package io.qualtrack.faults;

import io.qualtrack.contract.progress.CriterionProgress;
import io.qualtrack.contract.progress.EnrolmentProgress;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares what the APIs answer with the expected progress: progress-service's learner progress (its
 * store) and report-service's learner dashboards and cohort summaries (its read model). An enrolment
 * or an evidence reference missing is lost; one listed more often than expected, or a cohort count
 * above the expected, is double counted; any other difference is a mismatch.
 */
final class ReadSideCheck {

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record LearnerProgress(List<Enrolment> enrolments) {
    }

    record Enrolment(EnrolmentProgress progress) {
    }

    record CohortCounts(int learners, int active, int withdrawn) {
    }

    private ReadSideCheck() {
    }

    static Tally progressApi(String progressUrl, Expected expected) {
        return compare("progress-service", expected, learner -> progressUrl + "/api/learners/" + learner + "/progress");
    }

    static Tally reportApi(String reportUrl, Expected expected) {
        Tally tally = compare("report-service", expected, learner -> reportUrl + "/api/learners/" + learner + "/dashboard");
        for (var cohort : expected.cohortSizes().entrySet()) {
            tally = tally.plus(cohortCounts(reportUrl, cohort.getKey(), cohort.getValue(), expected.withdrawnIn(cohort.getKey())));
        }
        return tally;
    }

    private static Tally compare(String service, Expected expected, java.util.function.Function<String, String> url) {
        Map<String, EnrolmentProgress> actual = new TreeMap<>();
        for (String learner : expected.learnerIds()) {
            HttpResponse<String> response = Http.get(url.apply(learner));
            if (response.statusCode() == 200) {
                JSON.readValue(response.body(), LearnerProgress.class).enrolments()
                        .forEach(e -> actual.put(Expected.key(e.progress().centreId(), e.progress().learnerId(), e.progress().qualificationCode()), e.progress()));
            }
        }
        int lost = 0;
        int doubled = 0;
        List<String> mismatches = new ArrayList<>();
        for (var enrolment : expected.progress().entrySet()) {
            EnrolmentProgress found = actual.get(enrolment.getKey());
            if (found == null) {
                lost++;
                mismatches.add(service + " has no " + enrolment.getKey());
                continue;
            }
            Map<String, List<String>> expectedRefs = evidenceRefs(enrolment.getValue());
            Map<String, List<String>> foundRefs = evidenceRefs(found);
            for (var criterion : expectedRefs.entrySet()) {
                List<String> refs = foundRefs.getOrDefault(criterion.getKey(), List.of());
                Set<String> distinct = new HashSet<>(refs);
                lost += (int) criterion.getValue().stream().filter(ref -> !distinct.contains(ref)).count();
                doubled += Math.max(0, refs.size() - criterion.getValue().size());
            }
            if (!found.equals(enrolment.getValue())) {
                mismatches.add(service + " " + enrolment.getKey() + " differs: " + firstDifference(enrolment.getValue(), found));
            }
        }
        return new Tally(lost, doubled, mismatches);
    }

    private static Tally cohortCounts(String reportUrl, String cohortId, long learners, long withdrawn) {
        HttpResponse<String> response = Http.get(reportUrl + "/api/centres/" + ActivityGenerator.CENTRE + "/cohorts/" + cohortId);
        if (response.statusCode() != 200) {
            return new Tally((int) learners, 0, List.of("report-service has no cohort " + cohortId));
        }
        CohortCounts counts = JSON.readValue(response.body(), CohortCounts.class);
        CohortCounts wanted = new CohortCounts((int) learners, (int) (learners - withdrawn), (int) withdrawn);
        int above = Math.max(0, counts.learners() - wanted.learners()) + Math.max(0, counts.active() - wanted.active())
                + Math.max(0, counts.withdrawn() - wanted.withdrawn());
        int below = Math.max(0, wanted.learners() - counts.learners());
        return new Tally(below, above, counts.equals(wanted) ? List.of() : List.of("cohort " + cohortId + " counts " + counts + ", expected " + wanted));
    }

    /** unit/criterion → evidence references, as listed. */
    private static Map<String, List<String>> evidenceRefs(EnrolmentProgress progress) {
        Map<String, List<String>> refs = new TreeMap<>();
        progress.units().forEach(unit -> unit.learningOutcomes().forEach(lo -> lo.criteria().forEach((CriterionProgress c) ->
                refs.put(unit.unitCode() + "/" + c.code(), c.evidenceRefs()))));
        return refs;
    }

    private static String firstDifference(EnrolmentProgress expected, EnrolmentProgress found) {
        if (!expected.summary().equals(found.summary())) {
            return "summary " + found.summary() + ", expected " + expected.summary();
        }
        if (expected.status() != found.status()) {
            return "status " + found.status() + ", expected " + expected.status();
        }
        return "detail (units or dates)";
    }
}
