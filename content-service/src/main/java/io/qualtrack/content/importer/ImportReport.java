package io.qualtrack.content.importer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What an import found and proposed, in numbers, plus everything that looked odd on the way. */
public record ImportReport(
        String unitCode,
        String title,
        int qualificationCount,
        int learningOutcomeCount,
        int criterionPhrasingCount,
        int proposedCriterionCount,
        Map<String, Integer> criteriaPerLearningOutcome,
        int assessmentGuidanceCount,
        int commonMistakeCount,
        int keyConceptCount,
        int priorKnowledgeCount,
        List<String> lowConfidenceCriteria,
        List<String> warnings) {

    /** Below this the proposer's outcome for a criterion is little better than a coin toss. */
    static final double LOW_CONFIDENCE = 0.6;

    public ImportReport {
        criteriaPerLearningOutcome = Collections.unmodifiableMap(new LinkedHashMap<>(criteriaPerLearningOutcome));
        lowConfidenceCriteria = List.copyOf(lowConfidenceCriteria);
        warnings = List.copyOf(warnings);
    }

    public static ImportReport of(ParsedUnitPage page, ProposedUnit draft) {
        Map<String, Integer> perOutcome = new LinkedHashMap<>();
        draft.learningOutcomes().forEach(outcome -> perOutcome.put(outcome.code(), draft.criteriaOf(outcome.code()).size()));
        // The draft already repeats the page's warnings; the distinct union also covers a draft built elsewhere.
        List<String> warnings = Stream.concat(page.warnings().stream(), draft.warnings().stream())
                .distinct()
                .toList();
        return new ImportReport(
                draft.code(),
                draft.title(),
                page.qualifications().size(),
                page.learningOutcomes().size(),
                page.criterionPhrasings().size(),
                draft.criteria().size(),
                perOutcome,
                draft.assessmentGuidance().size(),
                draft.commonMistakes().size(),
                draft.keyConcepts().size(),
                draft.priorKnowledge().size(),
                draft.criteria().stream()
                        .filter(criterion -> criterion.confidence() < LOW_CONFIDENCE)
                        .map(DraftCriterion::code)
                        .toList(),
                warnings);
    }

    public String toText() {
        String perOutcome = criteriaPerLearningOutcome.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder()
                .append("Unit ").append(unitCode).append(" - ").append(title).append('\n')
                .append("Qualifications: ").append(qualificationCount).append('\n')
                .append("Learning outcomes: ").append(learningOutcomeCount).append('\n')
                .append("Criterion phrasings on the page: ").append(criterionPhrasingCount).append('\n')
                .append("Proposed criteria: ").append(proposedCriterionCount).append(" (").append(perOutcome).append(")\n")
                .append("Assessment guidance items: ").append(assessmentGuidanceCount).append('\n')
                .append("Common mistakes: ").append(commonMistakeCount).append('\n')
                .append("Key concepts: ").append(keyConceptCount).append('\n')
                .append("Prior knowledge items: ").append(priorKnowledgeCount).append('\n')
                .append("Criteria to check (confidence below ").append(LOW_CONFIDENCE).append("): ")
                .append(lowConfidenceCriteria.isEmpty() ? "none" : String.join(", ", lowConfidenceCriteria)).append('\n');
        if (warnings.isEmpty()) {
            text.append("Warnings: none\n");
        } else {
            text.append("Warnings (").append(warnings.size()).append("):\n");
            warnings.forEach(warning -> text.append("  - ").append(warning).append('\n'));
        }
        return text.toString();
    }
}
