package io.qualtrack.content.seed;

import io.qualtrack.content.catalogue.Catalogue;
import io.qualtrack.content.catalogue.Qualification;
import io.qualtrack.content.catalogue.Unit;
import io.qualtrack.content.catalogue.UnitDraft;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue content-service ships: curated from the five seed pages under
 * {@code catalogue/sources/} into {@code catalogue/units/*.json} and {@code catalogue/qualifications.json}.
 */
public final class DefaultCatalogue {

    public static final List<String> UNIT_CODES = List.of("SELM7-01", "SELM7-02", "SELM7-03", "SELM7-04", "SELM7-05");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DefaultCatalogue() {
    }

    /** Each curated unit as an author's draft, by code, in catalogue order. */
    public static Map<String, UnitDraft> unitDrafts() {
        Map<String, UnitDraft> drafts = new LinkedHashMap<>();
        seedUnits().forEach(seed -> drafts.put(seed.code(), seed.toDraft()));
        return drafts;
    }

    /** The curated catalogue as version 1 of every unit; throws if the curated data breaks a rule. */
    public static Catalogue load(Instant createdAt) {
        List<Unit> units = new ArrayList<>();
        unitDrafts().forEach((code, draft) -> units.add(draft.toUnit(code, 1, createdAt)));
        Catalogue catalogue = new Catalogue(units, qualifications());
        if (!catalogue.problems().isEmpty()) {
            throw new IllegalStateException("curated catalogue is inconsistent: " + catalogue.problems());
        }
        return catalogue;
    }

    static List<SeedUnit> seedUnits() {
        return UNIT_CODES.stream().map(code -> read("catalogue/units/" + code + ".json", SeedUnit.class)).toList();
    }

    static List<Qualification> qualifications() {
        return List.of(read("catalogue/qualifications.json", SeedQualification[].class)).stream()
                .map(SeedQualification::toQualification).toList();
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = DefaultCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing catalogue resource " + resource);
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record SeedQualification(String code, String title, int level, List<String> units) {

        Qualification toQualification() {
            return new Qualification(code, 1, title, level, units);
        }
    }
}
