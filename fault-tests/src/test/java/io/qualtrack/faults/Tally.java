package io.qualtrack.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * What a check found: effects missing (lost), effects present more often than the events warrant
 * (double counted), and anything else that differs from the expected (mismatches, a few shown).
 */
record Tally(int lost, int doubleCounted, List<String> mismatches) {

    static final Tally NONE = new Tally(0, 0, List.of());
    private static final int SHOWN = 10;

    Tally {
        mismatches = List.copyOf(mismatches.subList(0, Math.min(SHOWN, mismatches.size())));
    }

    boolean clean() {
        return lost == 0 && doubleCounted == 0 && mismatches.isEmpty();
    }

    Tally plus(Tally other) {
        List<String> all = new ArrayList<>(mismatches);
        all.addAll(other.mismatches);
        return new Tally(lost + other.lost, doubleCounted + other.doubleCounted, all);
    }

    @Override
    public String toString() {
        return "lost " + lost + ", double counted " + doubleCounted + (mismatches.isEmpty() ? "" : ", e.g. " + mismatches);
    }
}
