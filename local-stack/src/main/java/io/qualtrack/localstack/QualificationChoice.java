package io.qualtrack.localstack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Picks a qualification for a demo learner: the seed qualifications by their weights where the
 * catalogue has them, otherwise whatever the catalogue offers (every qualification equally).
 */
final class QualificationChoice {

    private final List<CatalogueSnapshot.Qualification> qualifications = new ArrayList<>();
    private final List<Integer> weights = new ArrayList<>();
    private final List<CatalogueSnapshot.Qualification> diplomas = new ArrayList<>();

    QualificationChoice(CatalogueSnapshot catalogue) {
        var usable = catalogue.qualifications().stream()
                .filter(q -> criteriaOf(catalogue, q) > 0)
                .toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("the catalogue has no qualification with units and criteria");
        }
        for (var q : usable) {
            Integer weight = DemoGenerator.QUALIFICATION_WEIGHTS.get(q.code());
            if (weight != null) {
                qualifications.add(q);
                weights.add(weight);
            }
        }
        if (qualifications.isEmpty()) {
            qualifications.addAll(usable);
            usable.forEach(q -> weights.add(1));
        }
        // diplomas: the qualifications with the most criteria, enough to show a backlog of several
        int most = qualifications.stream().mapToInt(q -> criteriaOf(catalogue, q)).max().orElseThrow();
        qualifications.stream()
                .filter(q -> criteriaOf(catalogue, q) >= Math.min(12, most))
                .sorted(Comparator.comparing(CatalogueSnapshot.Qualification::code))
                .forEach(diplomas::add);
    }

    CatalogueSnapshot.Qualification any(Random random) {
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        int pick = random.nextInt(total);
        for (int i = 0; i < qualifications.size(); i++) {
            pick -= weights.get(i);
            if (pick < 0) {
                return qualifications.get(i);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    CatalogueSnapshot.Qualification diploma(Random random) {
        return diplomas.get(random.nextInt(diplomas.size()));
    }

    private static int criteriaOf(CatalogueSnapshot catalogue, CatalogueSnapshot.Qualification qualification) {
        return catalogue.unitsOf(qualification).stream().mapToInt(u -> u.criterionCodes().size()).sum();
    }
}
