package io.qualtrack.content.catalogue;

import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/** Reading the catalogue and authoring new unit versions. */
@Service
public class UnitCatalogue {

    private final CatalogueStore store;
    private final Clock clock;

    UnitCatalogue(CatalogueStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Stores the draft as the unit's next version (version 1 for a new unit). Invalid drafts change nothing. */
    public Unit createVersion(String code, UnitDraft draft) {
        int next = store.latest(code).map(Unit::version).orElse(0) + 1;
        Unit unit = draft.toUnit(code, next, clock.instant());
        store.insert(unit);
        return unit;
    }

    public Unit latest(String code) {
        return store.latest(code).orElseThrow(() -> new UnitNotFoundException(code));
    }

    public Unit version(String code, int version) {
        return store.version(code, version).orElseThrow(() -> new UnitNotFoundException(code, version));
    }

    public List<Integer> versions(String code) {
        return store.versions(code);
    }

    public List<Unit> latestUnits() {
        return store.latestOfEach();
    }

    public List<Qualification> qualifications() {
        return store.qualifications();
    }

    public Qualification qualification(String code) {
        return store.qualification(code).orElseThrow(() -> new QualificationNotFoundException(code));
    }
}
