package io.qualtrack.localstack;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads units and qualifications from content-service's public API, once it lists the whole seed catalogue. */
public final class ContentCatalogueReader {

    static final int SEED_UNITS = 5;

    private final HttpJson http;
    private final String contentUrl;

    public ContentCatalogueReader(HttpJson http, String contentUrl) {
        this.http = http;
        this.contentUrl = contentUrl;
    }

    public CatalogueSnapshot read(Duration wait) throws InterruptedException {
        JsonNode units = awaitUnits(wait);
        HttpJson.Answer qualifications = http.get(contentUrl + "/api/qualifications");
        if (!qualifications.is(200)) {
            throw new DemoLoadException("GET " + contentUrl + "/api/qualifications answered " + qualifications.describe());
        }
        return new CatalogueSnapshot(units(units), qualifications(http.parse(qualifications)));
    }

    private JsonNode awaitUnits(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        HttpJson.Answer last;
        do {
            last = http.get(contentUrl + "/api/units");
            if (last.is(200)) {
                JsonNode units = http.parse(last);
                if (units.isArray() && units.size() >= SEED_UNITS) {
                    return units;
                }
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        throw new DemoLoadException("content-service did not list the " + SEED_UNITS + " seed units at " + contentUrl
                + "/api/units within " + wait.toSeconds() + " s; last answer: " + last.describe());
    }

    private static List<CatalogueSnapshot.Unit> units(JsonNode units) {
        List<CatalogueSnapshot.Unit> result = new ArrayList<>();
        for (JsonNode unit : units) {
            List<String> criteria = new ArrayList<>();
            for (JsonNode outcome : unit.path("learningOutcomes")) {
                for (JsonNode criterion : outcome.path("criteria")) {
                    criteria.add(criterion.path("code").asString());
                }
            }
            result.add(new CatalogueSnapshot.Unit(unit.path("code").asString(), unit.path("version").asInt(), criteria));
        }
        return result;
    }

    private static List<CatalogueSnapshot.Qualification> qualifications(JsonNode qualifications) {
        List<CatalogueSnapshot.Qualification> result = new ArrayList<>();
        for (JsonNode qualification : qualifications) {
            List<String> unitCodes = new ArrayList<>();
            qualification.path("units").forEach(unit -> unitCodes.add(unit.path("code").asString()));
            result.add(new CatalogueSnapshot.Qualification(qualification.path("code").asString(),
                    qualification.path("title").asString(), unitCodes));
        }
        return result;
    }
}
