package io.qualtrack.progress.deadletters;

import io.qualtrack.progress.web.InvalidOperationException;

/** A record of the dead-letter topic: {@code partition@offset}, both counted from 0. */
public record DeadLetterId(int partition, long offset) {

    private static final String EXPECTED = "expected partition@offset, two whole numbers from 0, e.g. 3@17";

    public static DeadLetterId parse(String text) {
        String[] parts = text.split("@", -1);
        if (parts.length == 2 && isWholeNumber(parts[0]) && isWholeNumber(parts[1])) {
            try {
                return new DeadLetterId(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
            } catch (NumberFormatException tooLarge) {
                throw new InvalidOperationException("'" + text + "' is not a dead-letter id: the partition or offset is too large");
            }
        }
        throw new InvalidOperationException("'" + text + "' is not a dead-letter id: " + EXPECTED);
    }

    private static boolean isWholeNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return partition + "@" + offset;
    }
}
