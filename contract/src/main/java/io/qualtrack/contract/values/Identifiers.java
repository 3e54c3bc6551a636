package io.qualtrack.contract.values;

import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * An identifier (learner, centre, cohort, qualification, unit, criterion, assessor, verifier, evidence
 * reference) is 1 to {@value #MAX_LENGTH} characters: letters, digits and marks of any script, the ASCII
 * punctuation and symbols except {@code " < > \ ` |}, and spaces between other characters. Never a control
 * character (NUL, CR, LF…), a format character (the bidirectional overrides, zero-width characters), another
 * kind of space or separator, a private-use, unassigned or lone surrogate code point: those would be invisible
 * or misleading on a page, forge log lines, or break a store that cannot hold them. {@code |} is kept out so that
 * {@link #key} joins identifiers into a compound key that no other combination of identifiers can produce.
 */
public final class Identifiers {

    public static final int MAX_LENGTH = 128;

    private static final String KEY_SEPARATOR = "|";
    private static final String EXCLUDED_ASCII = "\"<>\\`" + KEY_SEPARATOR;

    private Identifiers() {
    }

    /** What is wrong with {@code value} as the identifier {@code field}, or empty when it is a valid one. */
    public static Optional<String> problem(String field, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(field + " is required");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            return Optional.of(field + " is longer than " + MAX_LENGTH + " characters");
        }
        if (value.startsWith(" ") || value.endsWith(" ")) {
            return Optional.of(field + " must not begin or end with a space");
        }
        int[] codePoints = value.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            if (!allowed(codePoints[i])) {
                return Optional.of(field + " must not contain " + describe(codePoints[i]) + " (at character " + (i + 1) + ")");
            }
        }
        return Optional.empty();
    }

    /** One key for a combination of identifiers, such as an enrolment's centre, learner and qualification. */
    public static String key(String... identifiers) {
        return String.join(KEY_SEPARATOR, identifiers);
    }

    public static boolean isValid(@Nullable String value) {
        return problem("value", value).isEmpty();
    }

    private static boolean allowed(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint >= 0x20 && codePoint < 0x7F && EXCLUDED_ASCII.indexOf(codePoint) < 0;
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.DASH_PUNCTUATION, Character.CONNECTOR_PUNCTUATION, Character.OTHER_PUNCTUATION,
                 Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private static String describe(int codePoint) {
        String hex = String.format("U+%04X", codePoint);
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL -> "the control character " + hex;
            case Character.FORMAT -> "the invisible formatting character " + hex;
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "the separator " + hex;
            default -> codePoint < 0x80 ? "'" + (char) codePoint + "'" : "the character " + hex;
        };
    }
}
