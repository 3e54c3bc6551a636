package io.qualtrack.progress.operations;

/** A record of the dead-letter topic: {@code partition@offset}. */
record DeadLetterId(int partition, long offset) {

    static DeadLetterId parse(String text) {
        String[] parts = text.split("@", -1);
        try {
            if (parts.length == 2) {
                return new DeadLetterId(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidOperationException("'" + text + "' is not a dead-letter id: expected partition@offset, e.g. 3@17");
    }

    @Override
    public String toString() {
        return partition + "@" + offset;
    }
}
