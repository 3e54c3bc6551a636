package io.qualtrack.content.importer;

import java.util.ArrayList;
import java.util.List;

/** Removes exact repeats and merges near-repeats from a list of items, keeping page order. */
final class NearDuplicates {

    /** Items at least this similar are taken to be the same point worded twice. */
    static final double THRESHOLD = 0.6;

    private NearDuplicates() {
    }

    /**
     * Each item is kept at the position of its first wording; when a later item is a near-repeat,
     * the longer of the two wordings is kept, as it usually carries the extra detail.
     */
    static List<String> merge(List<String> items) {
        List<String> kept = new ArrayList<>();
        for (String item : items) {
            int match = indexOfNearRepeat(kept, item);
            if (match < 0) {
                kept.add(item);
            } else if (item.length() > kept.get(match).length()) {
                kept.set(match, item);
            }
        }
        return List.copyOf(kept);
    }

    private static int indexOfNearRepeat(List<String> kept, String item) {
        int best = -1;
        double bestSimilarity = 0;
        for (int i = 0; i < kept.size(); i++) {
            String candidate = kept.get(i);
            double similarity = candidate.equals(item) ? 1.0 : TextSimilarity.similarity(candidate, item);
            if (similarity >= THRESHOLD && similarity > bestSimilarity) {
                best = i;
                bestSimilarity = similarity;
            }
        }
        return best;
    }
}
