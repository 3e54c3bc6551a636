package io.qualtrack.report.pages;

import io.qualtrack.report.cohort.AssessedRow;
import io.qualtrack.report.cohort.LearnerListing;
import org.jspecify.annotations.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cohort grid's filters and sort as the page's query string carries them, so every view of the
 * grid is a plain link: the same parameters drive the page, its sort links and its CSV download.
 */
public record GridQuery(@Nullable String rag, @Nullable String unit, @Nullable String unitStatus, @Nullable String q,
                        String sort) {

    public static final String DEFAULT_SORT = "learner";

    public GridQuery {
        rag = blankToNull(rag);
        unit = blankToNull(unit);
        unitStatus = blankToNull(unitStatus);
        q = blankToNull(q);
        sort = sort == null || sort.isBlank() ? DEFAULT_SORT : sort.trim();
    }

    /** Throws {@link io.qualtrack.report.cohort.InvalidQueryException} for a filter or sort that does not exist. */
    public LearnerListing.Filter filter() {
        return LearnerListing.Filter.parse(rag, unit, unitStatus, q);
    }

    public Comparator<AssessedRow> order() {
        return LearnerListing.SortKey.parse(sort);
    }

    public boolean filtered() {
        return rag != null || unit != null || q != null;
    }

    public String sortKey() {
        return sort.split(",", 2)[0].trim();
    }

    public boolean descending() {
        String[] parts = sort.split(",", 2);
        return parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
    }

    /** {@code ascending}, {@code descending} or {@code none}: the column's aria-sort. */
    public String ariaSort(String key) {
        return !sortKey().equals(key) ? "none" : descending() ? "descending" : "ascending";
    }

    /** The query string that sorts by this column: ascending first, then the other way round. */
    public String sortedBy(String key) {
        boolean desc = sortKey().equals(key) && !descending();
        return with("sort", desc ? key + ",desc" : key);
    }

    /** This query as a query string (with the leading '?', or empty). */
    public String queryString() {
        return with("sort", sort);
    }

    private String with(String name, String value) {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "rag", rag);
        put(params, "unit", unit);
        put(params, "unitStatus", unitStatus);
        put(params, "q", q);
        params.put(name, value);
        if (DEFAULT_SORT.equals(params.get("sort"))) {
            params.remove("sort");
        }
        return params.isEmpty() ? "" : params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static void put(Map<String, String> params, String name, @Nullable String value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
