package io.qualtrack.content.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a parsed page into a draft unit: each assessment-criterion phrasing goes to the learning
 * outcome it most resembles, and phrasings under one outcome that say nearly the same thing become
 * one criterion. Word overlap is a weak signal, so the result is a proposal for an author to review.
 */
public final class UnitDraftProposer {

    /** Phrasings under the same outcome more similar than this are read as one criterion. */
    static final double MERGE_THRESHOLD = 0.4;

    // Criteria lean on sector abbreviations that the outcomes spell out ("HR" vs "human resources
    // management"); word overlap cannot see through them, so they are expanded before comparing.
    // (Not "CPD": every outcome of a CPD unit says "professional development", so expanding it
    // only pulls criteria towards the shortest outcome.)
    private static final Map<Pattern, String> SECTOR_ABBREVIATIONS = Map.of(
            Pattern.compile("\\bHR\\b"), "HR human resources",
            Pattern.compile("\\bKPIs?\\b"), "KPIs key performance indicators");

    public ProposedUnit propose(String unitCode, ParsedUnitPage page) {
        if (unitCode == null || unitCode.isBlank()) {
            throw new IllegalArgumentException("unit code must not be blank");
        }
        List<ParsedLearningOutcome> outcomes = page.learningOutcomes();
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("page has no learning outcomes to hang criteria on");
        }
        List<String> warnings = new ArrayList<>(page.warnings());
        List<Phrasing> phrasings = score(page.criterionPhrasings(), outcomes);
        List<List<Phrasing>> byOutcome = assign(phrasings, outcomes, warnings);
        giveEveryOutcomeAPhrasing(byOutcome, outcomes, warnings);

        List<DraftCriterion> criteria = new ArrayList<>();
        for (int lo = 0; lo < outcomes.size(); lo++) {
            List<List<Phrasing>> groups = group(byOutcome.get(lo));
            for (int g = 0; g < groups.size(); g++) {
                criteria.add(criterion(outcomes.get(lo), g + 1, groups.get(g), lo));
            }
        }
        return new ProposedUnit(unitCode.strip(), page.title(), page.summary(), outcomes, criteria,
                page.assessmentGuidance(), page.commonMistakes(), page.keyConcepts(), page.priorKnowledge(),
                warnings);
    }

    /** One page phrasing with its similarity to each learning outcome (same order as the outcomes). */
    private record Phrasing(int number, String text, TextSimilarity.Words words, double[] similarities) {

        double similarityTo(int outcome) {
            return similarities[outcome];
        }

        /** Index of the most similar outcome; the strict comparison sends ties to the lower number. */
        int bestOutcome() {
            int best = 0;
            for (int i = 1; i < similarities.length; i++) {
                if (similarities[i] > similarities[best]) {
                    best = i;
                }
            }
            return best;
        }

        /** Similarity to the outcome, relative to the closest other outcome: 0.5 means a tie. */
        double confidenceFor(int outcome) {
            if (similarities.length == 1) {
                return 1.0;
            }
            double runnerUp = 0;
            for (int i = 0; i < similarities.length; i++) {
                if (i != outcome) {
                    runnerUp = Math.max(runnerUp, similarities[i]);
                }
            }
            double own = similarities[outcome];
            return own + runnerUp == 0 ? 0.0 : own / (own + runnerUp);
        }
    }

    private static List<Phrasing> score(List<String> texts, List<ParsedLearningOutcome> outcomes) {
        List<TextSimilarity.Words> outcomeWords = outcomes.stream().map(outcome -> TextSimilarity.Words.of(outcome.text())).toList();
        List<Phrasing> phrasings = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            TextSimilarity.Words expanded = TextSimilarity.Words.of(expandAbbreviations(texts.get(i)));
            double[] similarities = new double[outcomes.size()];
            for (int lo = 0; lo < outcomes.size(); lo++) {
                similarities[lo] = TextSimilarity.similarity(expanded, outcomeWords.get(lo));
            }
            phrasings.add(new Phrasing(i + 1, texts.get(i), TextSimilarity.Words.of(texts.get(i)), similarities));
        }
        return phrasings;
    }

    private static String expandAbbreviations(String text) {
        String expanded = text;
        for (Map.Entry<Pattern, String> abbreviation : SECTOR_ABBREVIATIONS.entrySet()) {
            expanded = abbreviation.getKey().matcher(expanded).replaceAll(abbreviation.getValue());
        }
        return expanded;
    }

    private static List<List<Phrasing>> assign(List<Phrasing> phrasings, List<ParsedLearningOutcome> outcomes,
                                               List<String> warnings) {
        List<List<Phrasing>> byOutcome = new ArrayList<>();
        outcomes.forEach(outcome -> byOutcome.add(new ArrayList<>()));
        for (Phrasing phrasing : phrasings) {
            int best = phrasing.bestOutcome();
            if (outcomes.size() > 1 && phrasing.similarityTo(best) == 0) {
                warnings.add("phrasing " + phrasing.number() + " shares no words with any learning outcome; put under "
                        + outcomes.get(best).code() + " by default");
            }
            byOutcome.get(best).add(phrasing);
        }
        return byOutcome;
    }

    /**
     * An outcome nothing matched takes the phrasing most similar to it from an outcome that can
     * spare one (holds more than one), so the draft has no outcome without a criterion.
     */
    private static void giveEveryOutcomeAPhrasing(List<List<Phrasing>> byOutcome, List<ParsedLearningOutcome> outcomes,
                                                  List<String> warnings) {
        for (int empty = 0; empty < outcomes.size(); empty++) {
            if (!byOutcome.get(empty).isEmpty()) {
                continue;
            }
            int donor = -1;
            Phrasing chosen = null;
            for (int lo = 0; lo < outcomes.size(); lo++) {
                if (byOutcome.get(lo).size() < 2) {
                    continue;
                }
                for (Phrasing candidate : byOutcome.get(lo)) {
                    if (chosen == null || candidate.similarityTo(empty) > chosen.similarityTo(empty)
                            || (candidate.similarityTo(empty) == chosen.similarityTo(empty)
                                && candidate.number() < chosen.number())) {
                        chosen = candidate;
                        donor = lo;
                    }
                }
            }
            String code = outcomes.get(empty).code();
            if (chosen == null) {
                warnings.add(code + " has no proposed criterion: no phrasing matched it and none could be spared");
                continue;
            }
            byOutcome.get(donor).remove(chosen);
            byOutcome.get(empty).add(chosen);
            warnings.add(String.format("%s matched no phrasing; moved phrasing %d from %s to it (similarity %.2f)",
                    code, chosen.number(), outcomes.get(donor).code(), chosen.similarityTo(empty)));
        }
    }

    /** Greedy single-link grouping in page order: a phrasing joins the group holding its closest match. */
    private static List<List<Phrasing>> group(List<Phrasing> phrasings) {
        List<List<Phrasing>> groups = new ArrayList<>();
        phrasings.stream().sorted(Comparator.comparingInt(Phrasing::number)).forEach(phrasing -> {
            List<Phrasing> closest = null;
            double closestSimilarity = MERGE_THRESHOLD;
            for (List<Phrasing> group : groups) {
                for (Phrasing member : group) {
                    double similarity = TextSimilarity.similarity(member.words(), phrasing.words());
                    if (similarity > closestSimilarity) {
                        closest = group;
                        closestSimilarity = similarity;
                    }
                }
            }
            if (closest == null) {
                groups.add(new ArrayList<>(List.of(phrasing)));
            } else {
                closest.add(phrasing);
            }
        });
        return groups;
    }

    private static DraftCriterion criterion(ParsedLearningOutcome outcome, int position, List<Phrasing> group,
                                            int outcomeIndex) {
        // The longest wording usually carries the most detail for the author to trim.
        String text = group.stream()
                .max(Comparator.comparingInt((Phrasing p) -> p.text().length())
                        .thenComparing(Phrasing::number, Comparator.reverseOrder()))
                .orElseThrow()
                .text();
        double confidence = group.stream().mapToDouble(p -> p.confidenceFor(outcomeIndex)).min().orElse(0);
        return new DraftCriterion(
                outcome.number() + "." + position,
                outcome.code(),
                text,
                group.stream().map(Phrasing::number).sorted().toList(),
                Math.round(confidence * 100) / 100.0);
    }
}
