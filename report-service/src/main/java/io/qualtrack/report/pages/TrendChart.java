package io.qualtrack.report.pages;

import io.qualtrack.report.trend.CohortTrend;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cohort's trend as an inline SVG line chart, laid out here so the page needs no script to draw
 * it: % met (line and area) against % expected (dashed) per day, on a 0–100 scale.
 */
public record TrendChart(List<CohortTrend.Point> points, String metLine, String metArea, String expectedLine,
                         List<Tick> yTicks, List<Tick> xTicks, Tick last, List<CohortTrend.Point> weekly) {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 260;
    static final int LEFT = 44;
    static final int RIGHT = 56;
    static final int TOP = 14;
    static final int BOTTOM = 30;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    /** A label at a position in the chart's coordinates. */
    public record Tick(double x, double y, String label) {
    }

    public static TrendChart of(List<CohortTrend.Point> points) {
        if (points.isEmpty()) {
            return new TrendChart(points, "", "", "", List.of(), List.of(), new Tick(0, 0, ""), List.of());
        }
        StringBuilder met = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            met.append(i == 0 ? "" : " ").append(coordinate(x(i, points.size()))).append(',').append(coordinate(y(points.get(i).averagePercentMet())));
            expected.append(i == 0 ? "" : " ").append(coordinate(x(i, points.size()))).append(',').append(coordinate(y(points.get(i).expectedPercent())));
        }
        String area = coordinate(x(0, points.size())) + "," + coordinate(y(0)) + " " + met + " "
                + coordinate(x(points.size() - 1, points.size())) + "," + coordinate(y(0));
        List<Tick> yTicks = new ArrayList<>();
        for (int v = 0; v <= 100; v += 25) {
            yTicks.add(new Tick(LEFT - 8, y(v), v + "%"));
        }
        CohortTrend.Point end = points.getLast();
        Tick last = new Tick(x(points.size() - 1, points.size()), y(end.averagePercentMet()), percent(end.averagePercentMet()));
        return new TrendChart(points, met.toString(), area, expected.toString(), yTicks, xTicks(points), last, weekly(points));
    }

    public boolean empty() {
        return points.isEmpty();
    }

    public CohortTrend.Point latest() {
        return points.getLast();
    }

    public double plotRight() {
        return WIDTH - RIGHT;
    }

    public double plotBottom() {
        return HEIGHT - BOTTOM;
    }

    /** A label at the first day of each month, or at both ends when the trend spans less than a month. */
    private static List<Tick> xTicks(List<CohortTrend.Point> points) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            LocalDate day = points.get(i).day();
            if (day.getDayOfMonth() == 1) {
                ticks.add(new Tick(x(i, points.size()), HEIGHT - BOTTOM + 18, day.format(MONTH)));
            }
        }
        if (ticks.size() < 2) {
            ticks.clear();
            ticks.add(new Tick(x(0, points.size()), HEIGHT - BOTTOM + 18, points.getFirst().day().format(MONTH)));
            ticks.add(new Tick(x(points.size() - 1, points.size()), HEIGHT - BOTTOM + 18, points.getLast().day().format(MONTH)));
        }
        return ticks;
    }

    /** Every seventh day back from the latest, oldest first: the chart's figures as a table. */
    private static List<CohortTrend.Point> weekly(List<CohortTrend.Point> points) {
        List<CohortTrend.Point> weekly = new ArrayList<>();
        for (int i = points.size() - 1; i >= 0; i -= 7) {
            weekly.addFirst(points.get(i));
        }
        return weekly;
    }

    static double x(int index, int count) {
        double width = WIDTH - LEFT - RIGHT;
        return count <= 1 ? LEFT + width / 2 : LEFT + width * index / (count - 1);
    }

    static double y(double percent) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - percent / 100.0);
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f%%" : "%.1f%%", value);
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
