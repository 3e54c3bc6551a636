package io.qualtrack.content.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a unit draft publishable: a title, learning outcomes {@code LO1..}, criteria numbered
 * within their learning outcome ({@code 1.1, 1.2, 2.1}), every criterion under a known learning
 * outcome, every learning outcome with at least one criterion, no code twice.
 */
public final class UnitDraftRules {

    public static final Pattern UNIT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    private static final Pattern OUTCOME_CODE = Pattern.compile("LO([1-9][0-9]?)");
    private static final Pattern CRITERION_CODE = Pattern.compile("([1-9][0-9]?)\\.([1-9][0-9]?)");

    private UnitDraftRules() {
    }

    public static List<Violation> check(String unitCode, UnitDraft draft) {
        List<Violation> violations = new ArrayList<>();
        if (unitCode == null || !UNIT_CODE.matcher(unitCode).matches()) {
            violations.add(new Violation("code", "unit code must be 2-32 upper-case letters, digits or '-'"));
        }
        if (isBlank(draft.title())) {
            violations.add(new Violation("title", "a unit needs a title"));
        }
        Set<String> outcomeCodes = checkOutcomes(draft.learningOutcomes(), violations);
        Set<String> outcomesWithCriteria = checkCriteria(draft.criteria(), outcomeCodes, violations);
        for (String outcome : outcomeCodes) {
            if (!outcomesWithCriteria.contains(outcome)) {
                violations.add(new Violation("learningOutcomes", outcome + " has no assessment criteria"));
            }
        }
        checkGuidance(draft.guidance(), violations);
        return List.copyOf(violations);
    }

    private static Set<String> checkOutcomes(List<UnitDraft.Outcome> outcomes, List<Violation> violations) {
        if (outcomes.isEmpty()) {
            violations.add(new Violation("learningOutcomes", "a unit needs at least one learning outcome"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < outcomes.size(); i++) {
            String field = "learningOutcomes[" + i + "]";
            UnitDraft.Outcome outcome = outcomes.get(i);
            if (outcome == null || outcome.code() == null || !OUTCOME_CODE.matcher(outcome.code().trim()).matches()) {
                violations.add(new Violation(field + ".code", "learning outcome codes look like LO1, LO2, ..."));
                continue;
            }
            if (!codes.add(outcome.code().trim())) {
                violations.add(new Violation(field + ".code", "duplicate learning outcome code " + outcome.code()));
            }
            if (isBlank(outcome.text())) {
                violations.add(new Violation(field + ".text", outcome.code() + " needs its wording"));
            }
        }
        return codes;
    }

    private static Set<String> checkCriteria(List<UnitDraft.Criterion> criteria, Set<String> outcomeCodes,
                                             List<Violation> violations) {
        if (criteria.isEmpty()) {
            violations.add(new Violation("criteria", "a unit needs at least one assessment criterion"));
        }
        Set<String> codes = new HashSet<>();
        Set<String> outcomesWithCriteria = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            String field = "criteria[" + i + "]";
            UnitDraft.Criterion criterion = criteria.get(i);
            if (criterion == null || criterion.code() == null) {
                violations.add(new Violation(field + ".code", "a criterion needs a code such as 1.1"));
                continue;
            }
            String code = criterion.code().trim();
            var codeMatch = CRITERION_CODE.matcher(code);
            if (!codeMatch.matches()) {
                violations.add(new Violation(field + ".code", "criterion codes look like 1.1, 1.2, 2.1, ... (got '" + code + "')"));
            } else if (!codes.add(code)) {
                violations.add(new Violation(field + ".code", "duplicate criterion code " + code));
            }
            String outcome = criterion.learningOutcome() == null ? "" : criterion.learningOutcome().trim();
            if (!outcomeCodes.contains(outcome)) {
                violations.add(new Violation(field + ".learningOutcome",
                        "criterion " + code + " names unknown learning outcome '" + outcome + "'"));
            } else {
                outcomesWithCriteria.add(outcome);
                if (codeMatch.matches() && !outcome.equals("LO" + codeMatch.group(1))) {
                    violations.add(new Violation(field + ".code",
                            "criterion " + code + " is numbered under LO" + codeMatch.group(1) + " but belongs to " + outcome));
                }
            }
            if (isBlank(criterion.text())) {
                violations.add(new Violation(field + ".text", "criterion " + code + " needs its wording"));
            }
        }
        return outcomesWithCriteria;
    }

    private static void checkGuidance(UnitGuidance guidance, List<Violation> violations) {
        record Section(String name, List<String> items) {
        }
        for (Section section : List.of(
                new Section("assessmentGuidance", guidance.assessmentGuidance()),
                new Section("commonMistakes", guidance.commonMistakes()),
                new Section("keyConcepts", guidance.keyConcepts()),
                new Section("priorKnowledge", guidance.priorKnowledge()))) {
            for (int i = 0; i < section.items().size(); i++) {
                if (isBlank(section.items().get(i))) {
                    violations.add(new Violation(section.name() + "[" + i + "]", "guidance items may not be blank"));
                }
            }
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
