package io.qualtrack.report.cohort;

import io.qualtrack.contract.progress.ProgressStatus;
import io.qualtrack.report.ontrack.Rag;
import org.jspecify.annotations.Nullable;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Filtering, sorting and paging a cohort's learners: the rules of the learner list, apart from HTTP. */
public final class LearnerListing {

    public enum SortKey {
        LEARNER(Comparator.comparing(r -> r.row().learnerId())),
        PERCENT_MET(Comparator.comparingDouble(r -> r.row().summary().percentMet())),
        RAG(Comparator.comparing(r -> r.onTrack().rag())),
        LAST_ACTIVITY(Comparator.comparing(r -> r.row().lastActivityAt()));

        private final Comparator<AssessedRow> order;

        SortKey(Comparator<AssessedRow> order) {
            this.order = order;
        }

        /** {@code percentMet,desc}, {@code rag}, … as a query parameter gives it. */
        public static Comparator<AssessedRow> parse(String sort) {
            String[] parts = sort.split(",", 2);
            String key = parts[0].trim().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            SortKey sortKey;
            try {
                sortKey = valueOf(key);
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException("cannot sort by '" + parts[0] + "'; use learner, percentMet, rag or lastActivity");
            }
            boolean descending = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
            if (parts.length > 1 && !descending && !parts[1].trim().equalsIgnoreCase("asc")) {
                throw new InvalidQueryException("sort direction must be asc or desc, not '" + parts[1] + "'");
            }
            Comparator<AssessedRow> order = sortKey.order.thenComparing(LEARNER.order);
            return descending ? sortKey.order.reversed().thenComparing(LEARNER.order) : order;
        }
    }

    /** @param text part of the learner id or of the qualification's code or title, any case */
    public record Filter(@Nullable Rag rag, @Nullable String unitCode, @Nullable ProgressStatus unitStatus, @Nullable String text) {

        public Filter {
            if (unitStatus != null && unitCode == null) {
                throw new InvalidQueryException("unitStatus needs unit: the status of which unit?");
            }
            text = text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.ROOT);
        }

        public Filter(@Nullable Rag rag, @Nullable String unitCode, @Nullable ProgressStatus unitStatus) {
            this(rag, unitCode, unitStatus, null);
        }

        /** From query parameters as given: blank means no filter, an unknown value is an {@link InvalidQueryException}. */
        public static Filter parse(@Nullable String rag, @Nullable String unit, @Nullable String unitStatus, @Nullable String text) {
            return new Filter(parseEnum(Rag.class, "rag", rag), unit == null || unit.isBlank() ? null : unit.trim(),
                    parseEnum(ProgressStatus.class, "unitStatus", unitStatus), text);
        }

        private static <E extends Enum<E>> @Nullable E parseEnum(Class<E> type, String name, @Nullable String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        boolean accepts(AssessedRow row) {
            if (rag != null && row.onTrack().rag() != rag) {
                return false;
            }
            if (text != null && !matchesText(row.row(), text)) {
                return false;
            }
            if (unitCode == null) {
                return true;
            }
            return row.row().units().stream().anyMatch(u -> u.unitCode().equals(unitCode)
                    && (unitStatus == null || u.status() == unitStatus));
        }
    }

    private static boolean matchesText(EnrolmentRow row, String text) {
        return row.learnerId().toLowerCase(Locale.ROOT).contains(text)
                || row.qualificationCode().toLowerCase(Locale.ROOT).contains(text)
                || row.qualificationTitle().toLowerCase(Locale.ROOT).contains(text);
    }

    public record Page(int page, int size, int totalItems, int totalPages, List<AssessedRow> items) {
    }

    private LearnerListing() {
    }

    public static Page list(List<AssessedRow> rows, Filter filter, Comparator<AssessedRow> order, int page, int size) {
        List<AssessedRow> matching = rows.stream().filter(filter::accepts).sorted(order).toList();
        int from = (int) Math.min(matching.size(), (long) page * size);
        int to = Math.min(matching.size(), from + size);
        return new Page(page, size, matching.size(), (matching.size() + size - 1) / size, matching.subList(from, to));
    }
}
