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
        List<Item> kept = new ArrayList<>();
        for (String text : items) {
            Item item = new Item(text, TextSimilarity.Words.of(text));
            int match = indexOfNearRepeat(kept, item);
            if (match < 0) {
                kept.add(item);
            } else if (text.length() > kept.get(match).text().length()) {
                kept.set(match, item);
            }
        }
        return kept.stream().map(Item::text).toList();
    }

    private record Item(String text, TextSimilarity.Words words) {
    }

    private static int indexOfNearRepeat(List<Item> kept, Item item) {
        int best = -1;
        double bestSimilarity = 0;
        for (int i = 0; i < kept.size(); i++) {
            Item candidate = kept.get(i);
            double similarity = candidate.text().equals(item.text()) ? 1.0 : TextSimilarity.similarity(candidate.words(), item.words());
            if (similarity >= THRESHOLD && similarity > bestSimilarity) {
                best = i;
                bestSimilarity = similarity;
            }
        }
        return best;
    }
}
