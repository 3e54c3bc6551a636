package io.qualtrack.content.seed;

import io.qualtrack.content.catalogue.Catalogue;
import io.qualtrack.content.catalogue.CatalogueStore;
import io.qualtrack.content.catalogue.Unit;
import io.qualtrack.content.catalogue.UnitVersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Stores the default catalogue where it is missing. Each unit and qualification is inserted only if
 * absent, so a crash half way resumes on the next start and authored versions are never touched.
 */
@Component
@ConditionalOnBooleanProperty(name = "qualtrack.content.seed-default-catalogue", matchIfMissing = true)
class CatalogueSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeeder.class);

    private final CatalogueStore store;
    private final Clock clock;

    CatalogueSeeder(CatalogueStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Catalogue catalogue = DefaultCatalogue.load(clock.instant());
        int units = 0;
        for (Unit unit : catalogue.units()) {
            if (store.latest(unit.code()).isEmpty()) {
                try {
                    store.insert(unit);
                    units++;
                } catch (UnitVersionConflictException alreadySeededElsewhere) {
                    log.debug("unit {} was seeded by another instance", unit.code());
                }
            }
        }
        long qualifications = catalogue.qualifications().stream()
                .filter(q -> store.insertIfAbsent(q, clock.instant())).count();
        if (units + qualifications > 0) {
            log.info("Seeded the default catalogue: {} units, {} qualifications", units, qualifications);
        }
    }
}
