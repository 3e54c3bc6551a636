package io.qualtrack.content.importer;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Deterministic, word-based similarity between two short texts: the Dice coefficient over
 * normalised word sets (lower-cased, punctuation stripped, stop words dropped, crudely stemmed).
 */
public final class TextSimilarity {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "nor", "but", "if", "then", "than", "so",
            "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "as",
            "about", "between", "within", "through", "across", "over", "under",
            "is", "are", "be", "been", "being", "was", "were", "do", "does", "done",
            "it", "its", "this", "that", "these", "those", "they", "them", "their",
            "you", "your", "we", "our", "he", "she", "his", "her", "who", "whom", "which", "what", "how",
            "can", "could", "will", "would", "shall", "should", "must", "may", "might",
            "not", "no", "also", "both", "all", "any", "each", "such", "own", "other", "others",
            "more", "most", "very", "just", "only", "eg", "ie", "etc");

    private TextSimilarity() {
    }

    /**
     * A text read for comparing: its content words and its normalised form. Reading is the costly part (regular
     * expressions, stemming), so a text compared with many others is read once.
     */
    public record Words(Set<String> tokens, String normalised) {

        public static Words of(String text) {
            return new Words(TextSimilarity.tokens(text), normalise(text));
        }
    }

    /** Similarity in [0, 1]: 1 for texts with the same words, 0 for texts sharing none. */
    public static double similarity(String first, String second) {
        return similarity(Words.of(first), Words.of(second));
    }

    public static double similarity(Words first, Words second) {
        Set<String> a = first.tokens();
        Set<String> b = second.tokens();
        if (a.isEmpty() || b.isEmpty()) {
            // Texts made only of stop words or punctuation carry no content words to compare.
            return a.isEmpty() && b.isEmpty() && first.normalised().equals(second.normalised()) ? 1.0 : 0.0;
        }
        int shared = 0;
        for (String token : a) {
            if (b.contains(token)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }

    /** The normalised content words of a text, in order of first appearance. */
    public static Set<String> tokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String word : normalise(text).split(" ")) {
            if (word.length() > 1 && !STOP_WORDS.contains(word)) {
                tokens.add(stem(word));
            }
        }
        return tokens;
    }

    private static String normalise(String text) {
        if (text == null) {
            return "";
        }
        // Apostrophes are dropped rather than split on, so "school's" and "schools" meet.
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("['\u2019]", "");
        return lower.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /**
     * Crude suffix trimming: enough to let "plans", "planning" and "planned" meet "plan", and
     * "management", "managing" and "manage" meet each other.
     */
    static String stem(String word) {
        String stem = word;
        if (stem.length() > 4 && (stem.endsWith("ies") || stem.endsWith("ied"))) {
            stem = stem.substring(0, stem.length() - 3) + "y";
        } else if (stem.length() > 5 && stem.endsWith("ing")) {
            stem = undouble(stem.substring(0, stem.length() - 3));
        } else if (stem.length() > 4 && stem.endsWith("ed")) {
            stem = undouble(stem.substring(0, stem.length() - 2));
        } else if (stem.length() > 4 && stem.endsWith("sses")) {
            stem = stem.substring(0, stem.length() - 2);
        } else if (stem.length() > 3 && stem.endsWith("s")
                && !stem.endsWith("ss") && !stem.endsWith("us") && !stem.endsWith("is")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        if (stem.length() > 6 && stem.endsWith("ment")) {
            stem = stem.substring(0, stem.length() - 4);
        } else if (stem.length() > 6 && stem.endsWith("ional")) {
            stem = stem.substring(0, stem.length() - 2);
        }
        if (stem.length() > 4 && stem.endsWith("e")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem;
    }

    private static String undouble(String stem) {
        int n = stem.length();
        if (n > 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && "bdgmnprt".indexOf(stem.charAt(n - 1)) >= 0) {
            return stem.substring(0, n - 1);
        }
        return stem;
    }
}
