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

    /**
     * The class that gives a bar this width ({@code w-0} to {@code w-100}, whole percent): the stylesheet holds every
     * width, so no page needs an inline style, which the pages' Content-Security-Policy does not allow.
     */
    public String widthClass(double percent) {
        return "w-" + wholePercent(percent);
    }

    /** The class that places a marker this far along a bar ({@code at-0} to {@code at-100}). */
    public String atClass(double percent) {
        return "at-" + wholePercent(percent);
    }

    /** The width class of {@code part}'s share of {@code whole}. */
    public String shareClass(int part, int whole) {
        return widthClass(whole <= 0 ? 0 : 100.0 * part / whole);
    }

    private static long wholePercent(double percent) {
        return Math.round(Math.max(0, Math.min(100, percent)));
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
