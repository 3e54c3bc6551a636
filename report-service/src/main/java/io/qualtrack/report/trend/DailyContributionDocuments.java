package io.qualtrack.report.trend;

import org.bson.Document;

import java.time.LocalDate;
import java.util.TreeMap;

/**
 * A {@link DailyContribution} as the {@code trend} sub-document of {@code enrolment_views}: days as ISO strings
 * ({@code 2026-05-01}), so each day of {@code pointsMet} is a field named by its day, in day order.
 */
public final class DailyContributionDocuments {

    private DailyContributionDocuments() {
    }

    public static Document toDocument(DailyContribution contribution) {
        Document points = new Document();
        contribution.pointsMet().forEach((day, met) -> points.append(day.toString(), met));
        return new Document("centreId", contribution.centreId())
                .append("cohortId", contribution.cohortId())
                .append("started", contribution.started() == null ? null : contribution.started().toString())
                .append("pointsMet", points);
    }

    public static DailyContribution fromDocument(Document doc) {
        TreeMap<LocalDate, Double> points = new TreeMap<>();
        doc.get("pointsMet", Document.class).forEach((day, met) -> points.put(LocalDate.parse(day), ((Number) met).doubleValue()));
        String started = doc.getString("started");
        return new DailyContribution(doc.getString("centreId"), doc.getString("cohortId"),
                started == null ? null : LocalDate.parse(started), points);
    }
}
