package io.qualtrack.localstack;

import io.qualtrack.contract.activity.LearnerActivityEvent;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates the demo, with no I/O: two centres, three cohorts, about 150 learners on the seed
 * qualifications, and months of activity up to yesterday, spread across {@link Behaviour}s so each
 * cohort shows learners ahead, on track, behind, inactive and waiting for assessment.
 * The same catalogue, seed and day give the same demo, event ids included.
 */
public final class DemoGenerator {

    static final String NORTH = "C-NORTH";
    static final String SOUTH = "C-SOUTH";

    /** The seed qualifications and how often learners take them: mostly diplomas, some certificates. */
    static final Map<String, Integer> QUALIFICATION_WEIGHTS = orderedMap(
            "SELM7-DIP-HP", 30, "SELM7-DIP-SM", 30, "SELM7-EXT-DIP", 20, "SELM7-CERT", 10, "LQTLA7-CERT", 10);

    /** The share of each cohort that behaves each way. */
    static final Map<Behaviour, Double> BEHAVIOUR_SHARES = behaviourShares();

    static final int WITHDRAWALS = 5;

    private final CatalogueSnapshot catalogue;

    public DemoGenerator(CatalogueSnapshot catalogue) {
        this.catalogue = catalogue;
    }

    Demo generate(long seed, LocalDate today) {
        return generate(seed, today, cohorts(today), "L-");
    }

    /** Any cohorts, learners numbered {@code <prefix>00001} on; the same spread of behaviours in each cohort. */
    public Demo generate(long seed, LocalDate today, List<DemoCohort> cohorts, String learnerPrefix) {
        Random random = new Random(seed);
        QualificationChoice qualifications = new QualificationChoice(catalogue);
        List<DemoLearner> learners = new ArrayList<>();
        for (DemoCohort cohort : cohorts) {
            List<Behaviour> behaviours = behavioursFor(cohort.size(), random);
            for (Behaviour behaviour : behaviours) {
                String learnerId = learnerPrefix + "%05d".formatted(learners.size() + 1);
                CatalogueSnapshot.Qualification qualification = behaviour == Behaviour.ASSESSMENT_BACKLOG
                        ? qualifications.diploma(random) : qualifications.any(random);
                LocalDate start = cohort.intake().plusDays(random.nextInt(15));
                LocalDate plannedEnd = start.plusMonths(plannedMonths(qualification.code(), random));
                learners.add(new DemoLearner(learnerId, cohort.centreId(), cohort.cohortId(), qualification.code(),
                        start, plannedEnd, behaviour, false));
            }
        }
        learners = withWithdrawals(learners, random);

        DemoEventIds ids = new DemoEventIds(seed);
        Map<String, CatalogueSnapshot.Qualification> byCode = catalogue.qualificationsByCode();
        List<LearnerActivityEvent> activities = new ArrayList<>();
        for (int i = 0; i < learners.size(); i++) {
            DemoLearner learner = learners.get(i);
            // a random per learner: one learner's history does not shift when another's changes
            Random learnerRandom = new Random(seed * 1_000_003L + i);
            List<CatalogueSnapshot.Unit> units = catalogue.unitsOf(byCode.get(learner.qualificationCode()));
            activities.addAll(new LearnerTimeline(learner, units, today, ids, learnerRandom).activities());
        }
        activities.sort(Comparator.comparing(LearnerActivityEvent::occurredAt)
                .thenComparing(LearnerActivityEvent::learnerId)
                .thenComparing(LearnerActivityEvent::eventId));
        return new Demo(seed, today, cohorts, learners, activities);
    }

    /** Two intakes: one about six months ago (both centres), one about three months ago (north only). */
    static List<DemoCohort> cohorts(LocalDate today) {
        LocalDate early = today.minusMonths(6).withDayOfMonth(1);
        LocalDate late = today.minusMonths(3).withDayOfMonth(1);
        String northName = "Northfield Teaching School Alliance";
        String southName = "Southmere Schools Partnership";
        return List.of(
                new DemoCohort(NORTH, northName, cohortId("NORTH", early), early, 45),
                new DemoCohort(NORTH, northName, cohortId("NORTH", late), late, 35),
                new DemoCohort(SOUTH, southName, cohortId("SOUTH", early), early, 70));
    }

    static String cohortId(String prefix, LocalDate intake) {
        return prefix + "-" + intake.getYear() + "-"
                + intake.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
    }

    /** Exactly the shares of {@link #BEHAVIOUR_SHARES} (largest remainder), in random order. */
    static List<Behaviour> behavioursFor(int size, Random random) {
        Map<Behaviour, Integer> counts = new EnumMap<>(Behaviour.class);
        Map<Behaviour, Double> remainders = new EnumMap<>(Behaviour.class);
        int assigned = 0;
        for (var share : BEHAVIOUR_SHARES.entrySet()) {
            double exact = share.getValue() * size;
            counts.put(share.getKey(), (int) Math.floor(exact));
            remainders.put(share.getKey(), exact - Math.floor(exact));
            assigned += (int) Math.floor(exact);
        }
        List<Behaviour> byRemainder = new ArrayList<>(BEHAVIOUR_SHARES.keySet());
        byRemainder.sort(Comparator.comparing(remainders::get).reversed());
        for (int i = 0; assigned < size; i++, assigned++) {
            counts.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
        }
        List<Behaviour> behaviours = new ArrayList<>();
        counts.forEach((behaviour, count) -> behaviours.addAll(Collections.nCopies(count, behaviour)));
        Collections.shuffle(behaviours, random);
        return behaviours;
    }

    /** A few learners who are behind leave the programme. */
    private static List<DemoLearner> withWithdrawals(List<DemoLearner> learners, Random random) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < learners.size(); i++) {
            Behaviour behaviour = learners.get(i).behaviour();
            if (behaviour == Behaviour.SOMEWHAT_BEHIND || behaviour == Behaviour.WELL_BEHIND) {
                candidates.add(i);
            }
        }
        Collections.shuffle(candidates, random);
        List<DemoLearner> result = new ArrayList<>(learners);
        for (int index : candidates.subList(0, Math.min(WITHDRAWALS, candidates.size()))) {
            DemoLearner l = result.get(index);
            result.set(index, new DemoLearner(l.learnerId(), l.centreId(), l.cohortId(), l.qualificationCode(),
                    l.startDate(), l.plannedEndDate(), l.behaviour(), true));
        }
        return result;
    }

    /** Planned length: certificates 9–10 months, diplomas 12–15, the extended diploma 15–18. */
    static int plannedMonths(String qualificationCode, Random random) {
        if (qualificationCode.contains("CERT")) {
            return 9 + random.nextInt(2);
        }
        if (qualificationCode.contains("EXT")) {
            return 15 + random.nextInt(4);
        }
        return 12 + random.nextInt(4);
    }

    private static Map<Behaviour, Double> behaviourShares() {
        Map<Behaviour, Double> shares = new EnumMap<>(Behaviour.class);
        shares.put(Behaviour.AHEAD, 0.15);
        shares.put(Behaviour.ON_TRACK, 0.33);
        shares.put(Behaviour.SOMEWHAT_BEHIND, 0.20);
        shares.put(Behaviour.WELL_BEHIND, 0.10);
        shares.put(Behaviour.INACTIVE, 0.10);
        shares.put(Behaviour.ASSESSMENT_BACKLOG, 0.12);
        return shares;
    }

    private static Map<String, Integer> orderedMap(Object... keysAndValues) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
