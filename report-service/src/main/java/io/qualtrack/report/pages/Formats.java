package io.qualtrack.report.pages;

import io.qualtrack.report.ontrack.Rag;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers and dates as the pages write them; templates reach it as {@code fmt}. */
public final class Formats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    public String percent(double value) {
        return String.format(Locale.ROOT, Math.abs(value - Math.rint(value)) < 0.05 ? "%.0f%%" : "%.1f%%", value);
    }

    /** A width for a bar, clamped to 0–100. */
    public String width(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", Math.max(0, Math.min(100, percent)));
    }

    public String date(LocalDate day) {
        return day.format(DAY);
    }

    public String daysAgo(long days) {
        return days <= 0 ? "today" : days == 1 ? "yesterday" : days + " days ago";
    }

    public String rag(Rag rag) {
        return Wording.rag(rag);
    }

    public String ragKey(Rag rag) {
        return rag.name().toLowerCase(Locale.ROOT);
    }

    public String criteria(int count) {
        return count == 1 ? "1 criterion" : count + " criteria";
    }
}
